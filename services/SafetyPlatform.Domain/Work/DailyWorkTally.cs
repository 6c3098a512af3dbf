namespace SafetyPlatform.Domain.Work;

/// <summary>
/// Each specialist's finished work per UTC day in one queue: items completed, their total
/// handle time, and items escalated. Counts, not the items, so finished items need not stay in
/// memory to answer "how much has she handled today".
/// </summary>
public sealed class DailyWorkTally
{
    private readonly Dictionary<(string Specialist, DateOnly Day), DayTotals> _days = [];

    /// <summary>Counts a completion by <paramref name="specialistId"/> at <paramref name="at"/>.</summary>
    public void Completed(string specialistId, DateTimeOffset at, TimeSpan handleTime)
    {
        var totals = Totals(specialistId, at);
        totals.Handled++;
        totals.HandleTime += handleTime;
    }

    /// <summary>Counts an escalation by <paramref name="specialistId"/> at <paramref name="at"/>.</summary>
    public void Escalated(string specialistId, DateTimeOffset at) => Totals(specialistId, at).Escalated++;

    /// <summary>The specialist's totals on the UTC day of <paramref name="day"/>.</summary>
    public (int Handled, TimeSpan HandleTime, int Escalated) On(string specialistId, DateTimeOffset day) =>
        _days.TryGetValue((specialistId, DateOnly.FromDateTime(day.UtcDateTime)), out var t) ? (t.Handled, t.HandleTime, t.Escalated) : (0, TimeSpan.Zero, 0);

    /// <summary>Every specialist's totals per day.</summary>
    public IReadOnlyList<DailyWorkTotals> Totals() =>
        [.. _days.Select(d => new DailyWorkTotals(d.Key.Specialist, d.Key.Day, d.Value.Handled, d.Value.HandleTime, d.Value.Escalated))];

    /// <summary>Adds totals counted elsewhere (a closed partition's, read back).</summary>
    public void Add(DailyWorkTotals totals)
    {
        var day = Totals(totals.SpecialistId, new DateTimeOffset(totals.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        day.Handled += totals.Handled;
        day.HandleTime += totals.HandleTime;
        day.Escalated += totals.Escalated;
    }

    /// <summary>Counts a finished item: a completion or an escalation, by whoever did it.</summary>
    public void Finished(WorkItem item)
    {
        if (item.Outcome is { } outcome)
        {
            Completed(outcome.SpecialistId, outcome.CompleteTime, outcome.HandleTime);
        }
        else if (item.Last(WorkItemAction.Escalated) is { } escalation && escalation.Actor.StartsWith("specialists/", StringComparison.Ordinal))
        {
            Escalated(escalation.Actor["specialists/".Length..], escalation.At);
        }
    }

    /// <summary>Forgets days before <paramref name="day"/>'s.</summary>
    public void ForgetBefore(DateTimeOffset day)
    {
        var keep = DateOnly.FromDateTime(day.UtcDateTime);
        foreach (var old in _days.Keys.Where(k => k.Day < keep).ToList())
        {
            _days.Remove(old);
        }
    }

    private DayTotals Totals(string specialistId, DateTimeOffset at)
    {
        var key = (specialistId, DateOnly.FromDateTime(at.UtcDateTime));
        if (!_days.TryGetValue(key, out var totals))
        {
            _days[key] = totals = new DayTotals();
        }

        return totals;
    }

    private sealed class DayTotals
    {
        public int Handled { get; set; }

        public TimeSpan HandleTime { get; set; }

        public int Escalated { get; set; }
    }
}
