namespace SafetyPlatform.Domain.Work;

/// <summary>Urgency of a work item; P0 is imminent risk to life.</summary>
public enum Priority
{
    Unspecified = 0,
    P0 = 1,
    P1 = 2,
    P2 = 3,
    P3 = 4,
}
