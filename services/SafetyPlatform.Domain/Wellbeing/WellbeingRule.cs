namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>The wellbeing rules that may hold an item back from a specialist, by name.</summary>
public enum WellbeingRule
{
    /// <summary>No rule holds the item back.</summary>
    None = 0,
    /// <summary>The specialist opted out of the item's harm category (approved by their lead).</summary>
    OptOut,
    /// <summary>Their lead or the wellbeing team restricted them from the item's harm category for now.</summary>
    Restriction,
    /// <summary>The item would take them past their budget for its category this shift.</summary>
    ShiftBudget,
    /// <summary>The item would take them past their budget for its category today.</summary>
    DayBudget,
    /// <summary>They finished (or hold) a Critical item too recently for another.</summary>
    CoolDown,
    /// <summary>They have handled the most high-harm items in a row.</summary>
    ConsecutiveHighHarm,
    /// <summary>They have handled a batch of harmful items back to back and are due a micro-break.</summary>
    MicroBreak,
    /// <summary>They have had their continuous high-harm exposure and must take a wellness break.</summary>
    WellnessBreakDue,
    /// <summary>It is past (or the item would run past) the day's cut-off for high-harm work.</summary>
    CutOff,
    /// <summary>The item would run past the end of their shift.</summary>
    ShiftEnd,
    /// <summary>They have had their high-harm time for the day: lower-harm work only.</summary>
    Rotation,
}
