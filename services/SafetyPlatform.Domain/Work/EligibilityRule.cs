namespace SafetyPlatform.Domain.Work;

/// <summary>The rules that decide whether a specialist may be offered an item, by name.</summary>
public enum EligibilityRule
{
    /// <summary>No rule refused: the specialist is eligible.</summary>
    None = 0,
    /// <summary>A deactivated specialist takes no work.</summary>
    Deactivated,
    /// <summary>Only AVAILABLE or HANDLING specialists take work.</summary>
    ActivityState,
    /// <summary>Held items and open offers fill the specialist's concurrency.</summary>
    FreeSlot,
    /// <summary>The queue is served by the specialist's team.</summary>
    TeamServesQueue,
    /// <summary>The specialist is skilled in the queue's policy area.</summary>
    PolicySkill,
    /// <summary>The specialist reads the language (of the item, or one of the queue's).</summary>
    Language,
    /// <summary>The policy area and the language are known at least at the queue's minimum proficiency.</summary>
    Proficiency,
    /// <summary>A specialist who rejected an item is not offered it again.</summary>
    RejectedBefore,
    /// <summary>Handling the item for its expected time would break a limit of the team's wellbeing policy (the reason names which).</summary>
    Wellbeing,
    /// <summary>The queue takes only specialists of one role (audit work: QA auditors).</summary>
    Role,
    /// <summary>Audit work is never offered to the specialist whose work it audits.</summary>
    OwnWorkAudited,
}
