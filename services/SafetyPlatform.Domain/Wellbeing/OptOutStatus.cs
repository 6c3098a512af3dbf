namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>Where a specialist's opt-out of a harm category stands.</summary>
public enum OptOutStatus
{
    Unspecified = 0,
    /// <summary>Asked for by the specialist; routing does not apply it until their lead approves.</summary>
    Requested = 1,
    /// <summary>Approved by their lead: routing never offers them the category.</summary>
    Approved = 2,
    /// <summary>Declined by their lead; they may ask again.</summary>
    Declined = 3,
    /// <summary>Ended by the specialist or their lead; they may ask again.</summary>
    Withdrawn = 4,
}
