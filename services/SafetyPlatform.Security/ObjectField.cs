using SafetyPlatform.Domain.Security;

namespace SafetyPlatform.Security;

/// <summary>A request field that names what the call acts on (dotted path; a repeated field stands for each of its elements).</summary>
public sealed record ObjectField(string Path, ObjectKind Kind);
