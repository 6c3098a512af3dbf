namespace SafetyPlatform.Domain.Roster;

/// <summary>What a specialist is doing right now. Values match the public API's enum.</summary>
public enum ActivityState
{
    Unspecified = 0,
    Available = 1,
    Handling = 2,
    Break = 3,
    WellnessBreak = 4,
    Meeting = 5,
    OneToOne = 6,
    Training = 7,
    Offline = 8,
}

/// <summary>The role a person plays on the floor.</summary>
public enum FloorRole
{
    Unspecified = 0,
    Specialist = 1,
    Lead = 2,
    OpsManager = 3,
    /// <summary>Audits others' completed work (audit sampling routes audit work to this role).</summary>
    QaAuditor = 4,
}

/// <summary>How well a specialist knows a policy area or language.</summary>
public enum Proficiency
{
    Unspecified = 0,
    Trainee = 1,
    Proficient = 2,
    Expert = 3,
}

/// <summary>The default harm taxonomy. Values match the public API's enum.</summary>
public enum HarmCategory
{
    Unspecified = 0,
    ChildSafety = 1,
    ViolentExtremism = 2,
    SuicideSelfHarm = 3,
    ViolentGraphic = 4,
    AnimalCruelty = 5,
    HateSpeech = 6,
    HarassmentBullying = 7,
    AdultSexual = 8,
    DangerousActs = 9,
    Misinformation = 10,
    SpamScams = 11,
    AccountSupport = 12,
}
