namespace SafetyPlatform.Domain.Targets;

/// <summary>What a target measures (values match the API's). Units: shares 0–1, quality 0–100, AHT in seconds.</summary>
public enum TargetMetric
{
    Unspecified = 0,

    /// <summary>Completions at or before their deadline over completions (0–1).</summary>
    SlaAttainment = 1,

    /// <summary>Audits that agreed over audits (0–1).</summary>
    Accuracy = 2,

    /// <summary>The mean audit score (0–100).</summary>
    Quality = 3,

    /// <summary>Handling time per completion, in seconds.</summary>
    AverageHandleTime = 4,

    /// <summary>Time handling over time logged in (0–1).</summary>
    Occupancy = 5,
}
