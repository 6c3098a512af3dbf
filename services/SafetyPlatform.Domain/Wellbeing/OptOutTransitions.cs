namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// The opt-out lifecycle a lead and a specialist would agree: the specialist asks (again after a
/// decline or a withdrawal); the lead approves or declines what was asked; either ends a request
/// or an approved opt-out. Nothing else.
/// </summary>
public static class OptOutTransitions
{
    private static readonly Dictionary<OptOutStatus, OptOutStatus[]> Allowed = new()
    {
        [OptOutStatus.Unspecified] = [OptOutStatus.Requested],
        [OptOutStatus.Requested] = [OptOutStatus.Approved, OptOutStatus.Declined, OptOutStatus.Withdrawn],
        [OptOutStatus.Approved] = [OptOutStatus.Withdrawn],
        [OptOutStatus.Declined] = [OptOutStatus.Requested],
        [OptOutStatus.Withdrawn] = [OptOutStatus.Requested],
    };

    /// <summary>Why an opt-out may not go from <paramref name="from"/> (Unspecified: none yet) to <paramref name="to"/>; null when it may.</summary>
    public static string? Refusal(OptOutStatus from, OptOutStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to)
            ? null
            : from == OptOutStatus.Unspecified
                ? $"there is no opt-out to mark {Describe(to)}"
                : $"an opt-out that is {Describe(from)} cannot become {Describe(to)}";

    private static string Describe(OptOutStatus status) => status.ToString().ToUpperInvariant();
}
