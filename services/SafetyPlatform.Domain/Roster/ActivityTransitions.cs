namespace SafetyPlatform.Domain.Roster;

/// <summary>Why a state change is asked for: by a person, or by the work itself.</summary>
public enum TransitionCause
{
    /// <summary>A specialist or lead sets the state by hand.</summary>
    Manual,
    /// <summary>The specialist took a work item (the only way into HANDLING).</summary>
    WorkItemTaken,
    /// <summary>The specialist's last work item finished.</summary>
    WorkItemsFinished,
}

/// <summary>The answer to "may a specialist go from one state to another?".</summary>
public readonly record struct TransitionVerdict(bool Allowed, string? Refusal)
{
    public static TransitionVerdict Allow { get; } = new(true, null);

    public static TransitionVerdict Refuse(string reason) => new(false, reason);
}

/// <summary>
/// The activity transition table a team lead would sign off:
/// a shift starts from OFFLINE into work, a meeting, a 1-2-1 or training — never straight
/// into a break or into HANDLING; HANDLING is entered only by taking a work item, and left
/// for AVAILABLE only when the last held item is finished, except that a specialist may always
/// step away from distressing content into a wellness break.
/// </summary>
public static class ActivityTransitions
{
    private static readonly Dictionary<ActivityState, ActivityState[]> ManualTargets = new()
    {
        [ActivityState.Offline] = [ActivityState.Available, ActivityState.Meeting, ActivityState.OneToOne, ActivityState.Training],
        [ActivityState.Available] = [ActivityState.Break, ActivityState.WellnessBreak, ActivityState.Meeting, ActivityState.OneToOne, ActivityState.Training, ActivityState.Offline],
        // Leaving HANDLING for AVAILABLE is the work's business (the last item finished), not a hand's.
        [ActivityState.Handling] = [ActivityState.WellnessBreak],
        [ActivityState.Break] = [ActivityState.Available, ActivityState.WellnessBreak, ActivityState.Offline],
        [ActivityState.WellnessBreak] = [ActivityState.Available, ActivityState.OneToOne, ActivityState.Offline],
        [ActivityState.Meeting] = [ActivityState.Available, ActivityState.Break, ActivityState.WellnessBreak, ActivityState.OneToOne, ActivityState.Training, ActivityState.Offline],
        [ActivityState.OneToOne] = [ActivityState.Available, ActivityState.Break, ActivityState.WellnessBreak, ActivityState.Meeting, ActivityState.Training, ActivityState.Offline],
        [ActivityState.Training] = [ActivityState.Available, ActivityState.Break, ActivityState.WellnessBreak, ActivityState.Meeting, ActivityState.OneToOne, ActivityState.Offline],
    };

    /// <summary>The states a person may set by hand from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ActivityState> ManualTargetsFrom(ActivityState from) =>
        ManualTargets.TryGetValue(from, out var targets) ? targets : [];

    /// <summary>Checks one transition. Staying in the same state is not a transition.</summary>
    public static TransitionVerdict Check(ActivityState from, ActivityState to, TransitionCause cause)
    {
        if (to == ActivityState.Unspecified || !Enum.IsDefined(to))
        {
            return TransitionVerdict.Refuse($"{to} is not an activity state");
        }

        if (from == to)
        {
            return TransitionVerdict.Refuse($"the specialist is already {Describe(to)}");
        }

        switch (cause)
        {
            case TransitionCause.WorkItemTaken:
                return to == ActivityState.Handling && from == ActivityState.Available
                    ? TransitionVerdict.Allow
                    : TransitionVerdict.Refuse($"a work item can be taken only when AVAILABLE, not when {Describe(from)}");
            case TransitionCause.WorkItemsFinished:
                return from == ActivityState.Handling && to == ActivityState.Available
                    ? TransitionVerdict.Allow
                    : TransitionVerdict.Refuse($"finishing work returns HANDLING to AVAILABLE, not {Describe(from)} to {Describe(to)}");
        }

        if (to == ActivityState.Handling)
        {
            return TransitionVerdict.Refuse("HANDLING is entered only by taking a work item, never set by hand");
        }

        return ManualTargetsFrom(from).Contains(to)
            ? TransitionVerdict.Allow
            : TransitionVerdict.Refuse($"a specialist cannot go from {Describe(from)} to {Describe(to)}");
    }

    /// <summary>The state's name as the API spells it, for messages.</summary>
    public static string Describe(ActivityState state) => state switch
    {
        ActivityState.WellnessBreak => "WELLNESS_BREAK",
        ActivityState.OneToOne => "ONE_TO_ONE",
        _ => state.ToString().ToUpperInvariant(),
    };
}
