namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// A specialist's wellness breaks since a moment (their team's midnight, for the lead's view):
/// taken (lasted at least the policy's length, so they count) and cut short (ended sooner, so
/// they do not: a break skipped in all but name). A break under way is neither yet.
/// </summary>
public sealed record WellnessBreakTally(int Taken, int CutShort)
{
    public static WellnessBreakTally Since(IEnumerable<WellnessBreak> breaks, DateTimeOffset since, TimeSpan length)
    {
        var (taken, cutShort) = (0, 0);
        foreach (var ended in breaks.Where(b => b.Ended is { } end && end > since))
        {
            if (ended.Ended!.Value - ended.Started >= length)
            {
                taken++;
            }
            else
            {
                cutShort++;
            }
        }

        return new WellnessBreakTally(taken, cutShort);
    }
}
