namespace SafetyPlatform.Domain.Naming;

/// <summary>
/// `specialists/{specialist}/targets/{target}` or `teams/{team}/targets/{target}`: one
/// operational target of a specialist or a team (its <see cref="Owner"/>).
/// </summary>
public readonly record struct TargetName(string Owner, string TargetId)
{
    public const string Collection = "targets";

    /// <summary>Whose targets: `specialists/{specialist}` or `teams/{team}`.</summary>
    public static bool IsOwner(string? name) => SpecialistName.TryParse(name, out _) || TeamName.TryParse(name, out _);

    public static bool TryParse(string? name, out TargetName parsed)
    {
        parsed = default;
        var cut = name?.LastIndexOf("/" + Collection + "/", StringComparison.Ordinal) ?? -1;
        if (cut < 0 || !IsOwner(name![..cut]) || name[(cut + Collection.Length + 2)..] is var id && !ResourceIds.IsValidId(id))
        {
            return false;
        }

        parsed = new TargetName(name[..cut], id);
        return true;
    }

    public override string ToString() => $"{Owner}/{Collection}/{TargetId}";
}
