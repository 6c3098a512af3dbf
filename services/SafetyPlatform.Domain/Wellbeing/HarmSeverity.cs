namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>How harmful an item's content is to look at (PRODUCT.md, "Harm categories").</summary>
public enum HarmSeverity
{
    /// <summary>No harmful media (account and user support).</summary>
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
