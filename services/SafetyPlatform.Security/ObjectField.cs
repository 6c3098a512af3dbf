using SafetyPlatform.Domain.Security;

namespace SafetyPlatform.Security;

/// <summary>
/// A request field that names what the call acts on (dotted path; a repeated field stands for each
/// of its elements). Required unless <see cref="Optional"/> (an empty optional field names nothing
/// to check); <see cref="NotOwnRecord"/> when the method decides about a specialist, so that no one
/// decides about themselves.
/// </summary>
public sealed record ObjectField(string Path, ObjectKind Kind)
{
    public bool Optional { get; init; }

    public bool NotOwnRecord { get; init; }
}
