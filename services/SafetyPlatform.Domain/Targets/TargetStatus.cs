namespace SafetyPlatform.Domain.Targets;

/// <summary>Where a target stands (values match the API's).</summary>
public enum TargetStatus
{
    Unspecified = 0,

    /// <summary>Nothing to measure in the period yet (no completion, no audit, no time logged in).</summary>
    NotMeasured = 1,

    /// <summary>The period runs, and the number so far is within the target.</summary>
    OnTrack = 2,

    /// <summary>The period runs, and the number so far is outside the target.</summary>
    OffTrack = 3,

    /// <summary>The period has ended within the target.</summary>
    Met = 4,

    /// <summary>The period has ended outside the target.</summary>
    Missed = 5,
}
