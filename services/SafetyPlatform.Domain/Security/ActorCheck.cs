namespace SafetyPlatform.Domain.Security;

/// <summary>
/// The answer about an actor field: whether it may stand, the value it takes (the caller's own
/// identity when the request left it empty), and whether it names another specialist, whose
/// record the caller must then reach.
/// </summary>
public sealed record ActorCheck(AccessVerdict Verdict, string Value, bool NamesAnotherSpecialist);
