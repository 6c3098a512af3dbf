using System.Collections.Immutable;
using SafetyPlatform.Domain.Targets;

namespace SafetyPlatform.Grains.Abstractions.Targets;

/// <summary>
/// The targets of one specialist or team, keyed by its name (`specialists/{id}` or `teams/{id}`),
/// each read with its attainment. Once a period is over, a missed target is alerted to the
/// team lead once (an hourly reminder looks, or <see cref="CheckEnded"/>).
/// </summary>
public interface ITargetsGrain : IGrainWithStringKey
{
    /// <summary>Sets a target (NotFound for an owner that does not exist; AlreadyExists for an id taken, unless the same request id).</summary>
    Task<TargetView> Create(Target target, string requestId);

    Task<TargetView> Get(string targetId);

    /// <summary>All its targets, by id.</summary>
    Task<ImmutableArray<TargetView>> List();

    Task Delete(string targetId);

    /// <summary>Alerts each target whose period has ended outside it and was not alerted before; returns how many it alerted.</summary>
    Task<int> CheckEnded();
}
