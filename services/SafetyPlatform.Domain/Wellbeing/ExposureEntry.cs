using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// One item a specialist handled or is handling: from accept to finish (null while in hand), and
/// the handle time expected of it when it was accepted (its queue's), which routing counts for an
/// item still in hand.
/// </summary>
public sealed record ExposureEntry(string ItemId, HarmCategory Category, HarmSeverity Severity, DateTimeOffset Started, DateTimeOffset? Finished, TimeSpan Expected)
{
    /// <summary>When it stopped exposing the specialist; <paramref name="now"/> while in hand.</summary>
    public DateTimeOffset EndOr(DateTimeOffset now) => Finished ?? now;

    /// <summary>When it ended, or, while in hand, when it is expected to (now, if it has run over).</summary>
    public DateTimeOffset ExpectedEnd(DateTimeOffset now) => Finished ?? (Started + Expected > now ? Started + Expected : now);

    /// <summary>Its handling time inside [<paramref name="from"/>, <paramref name="to"/>) up to <paramref name="end"/>.</summary>
    public TimeSpan Within(DateTimeOffset from, DateTimeOffset to, DateTimeOffset end)
    {
        var start = Started > from ? Started : from;
        end = end < to ? end : to;
        return end > start ? end - start : TimeSpan.Zero;
    }
}
