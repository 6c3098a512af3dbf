namespace SafetyPlatform.Domain.Security;

/// <summary>The result of checking one chain: how many entries were read, and the first one that does not fit, with why.</summary>
public sealed record AuditChainCheck(string Chain, long EntriesChecked, bool Intact, long? FirstBrokenSequence, string Problem, AuditChainHead Head);
