using System.Collections.Immutable;
using Orleans.Concurrency;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>
/// A team lead's alerts: the queues the team serves report what holds for them, and the feed
/// raises, updates and clears alerts (<see cref="AlertBook"/>), keeps them durably with their
/// acknowledgements, and wakes watchers. Later capabilities report their own subjects here.
/// Key: team id.
/// </summary>
public interface IAlertFeedGrain : IGrainWithStringKey
{
    /// <summary>What holds now for <paramref name="subject"/> (every condition; none when all is well).</summary>
    Task Report(string subject, ImmutableArray<AlertCondition> holding);

    /// <summary>Acknowledges an alert for <paramref name="by"/>; durable before it answers. NOT_FOUND for an unknown alert or team.</summary>
    Task<Alert> Acknowledge(string alertId, string by);

    /// <summary>
    /// A long poll: every alert kept when <paramref name="incarnation"/> is not this feed's (a
    /// first call, or the feed was reloaded); otherwise the alerts changed after
    /// <paramref name="knownVersion"/>, waiting up to <paramref name="maxWait"/> for one.
    /// NOT_FOUND for an unknown team.
    /// </summary>
    [AlwaysInterleave]
    Task<AlertFeedChanges> Watch(Guid incarnation, long knownVersion, TimeSpan maxWait);
}
