namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// Several auditors audit the same completed items, to measure how far they agree (agreement
/// between reviewers is low in this field: Krippendorff's alpha of 0.18–0.29 for hate speech in
/// Ross et al. 2017, so it is measured, not assumed). Each auditor gives one verdict per item;
/// the verdicts are kept for review, and the results are over the items every auditor has done.
/// Calibration verdicts do not count in the specialists' accuracy: they measure the auditors.
/// </summary>
public sealed class CalibrationSession
{
    private readonly Dictionary<(string Item, string Auditor), AuditVerdict> _verdicts = [];

    /// <param name="auditors">Who audits, at least two, each once.</param>
    /// <param name="items">The items (by name) with the decision each audits, at least one, each once.</param>
    /// <param name="verdicts">Verdicts given so far.</param>
    public CalibrationSession(IReadOnlyList<string> auditors, IReadOnlyList<(string Item, string Decision)> items,
        IEnumerable<(string Item, string Auditor, AuditVerdict Verdict)> verdicts)
    {
        if (auditors.Count < 2 || auditors.Distinct().Count() != auditors.Count || items.Count == 0 || items.Select(i => i.Item).Distinct().Count() != items.Count)
        {
            throw new ArgumentException("a calibration needs two or more distinct auditors and one or more distinct items");
        }

        Auditors = auditors;
        Items = items;
        foreach (var (item, auditor, verdict) in verdicts)
        {
            _verdicts[(item, auditor)] = verdict;
        }
    }

    public IReadOnlyList<string> Auditors { get; }

    public IReadOnlyList<(string Item, string Decision)> Items { get; }

    /// <summary>The verdict <paramref name="auditor"/> gave on <paramref name="item"/>; null while none.</summary>
    public AuditVerdict? VerdictOf(string item, string auditor) => _verdicts.GetValueOrDefault((item, auditor));

    /// <summary>Records a verdict; refused (a reason, nothing recorded) for an auditor or item not in the session, or a second verdict.</summary>
    public CalibrationRefusal Record(string item, string auditor, AuditVerdict verdict)
    {
        if (!Auditors.Contains(auditor))
        {
            return CalibrationRefusal.NotAnAuditor;
        }

        if (!Items.Any(i => i.Item == item))
        {
            return CalibrationRefusal.NotAnItem;
        }

        if (!_verdicts.TryAdd((item, auditor), verdict))
        {
            return CalibrationRefusal.AlreadyGiven;
        }

        return CalibrationRefusal.None;
    }

    /// <summary>Agreement and kappa over the complete items, overall and per error category.</summary>
    public CalibrationResults Results()
    {
        var complete = Items.Where(i => Auditors.All(a => _verdicts.ContainsKey((i.Item, a)))).ToList();
        var measure = Auditors.Count == 2 ? AgreementMeasure.CohensKappa : AgreementMeasure.FleissKappa;
        if (complete.Count == 0)
        {
            return new CalibrationResults(0, null, null, measure, []);
        }

        var decisions = complete.Select(i => Auditors.Select(a => RightDecision(i.Decision, _verdicts[(i.Item, a)])).ToList()).ToList();
        var (agreement, kappa) = Measure(decisions, measure);
        var categories = complete.SelectMany(i => Auditors.Select(a => _verdicts[(i.Item, a)].ErrorCategory))
            .Where(c => c != AuditErrorCategory.None).Distinct().Order()
            .Select(category =>
            {
                var flags = complete.Select(i => Auditors.Select(a => _verdicts[(i.Item, a)].ErrorCategory == category).ToList()).ToList();
                var (rate, categoryKappa) = Measure(flags, measure);
                return new CategoryAgreement(category, flags.Sum(f => f.Count(x => x)), rate, categoryKappa);
            })
            .ToList();
        return new CalibrationResults(complete.Count, agreement, kappa, measure, categories);
    }

    /// <summary>The decision an auditor holds right: the specialist's when they agree, else theirs.</summary>
    private static string RightDecision(string decision, AuditVerdict verdict) => verdict.Agrees ? decision : verdict.CorrectedDecision;

    /// <summary>Per item, the auditors' ratings in auditor order: agreement rate and kappa.</summary>
    private static (double? Agreement, double? Kappa) Measure<T>(List<List<T>> ratings, AgreementMeasure measure) where T : notnull
    {
        if (measure == AgreementMeasure.CohensKappa)
        {
            var pairs = ratings.Select(r => (r[0], r[1])).ToList();
            return (CohensKappa.ObservedAgreement(pairs), CohensKappa.Of(pairs));
        }

        var categories = ratings.SelectMany(r => r).Distinct().ToList();
        IReadOnlyList<IReadOnlyList<int>> counts = [.. ratings.Select(r => (IReadOnlyList<int>)[.. categories.Select(c => r.Count(x => EqualityComparer<T>.Default.Equals(x, c)))])];
        return (FleissKappa.MeanAgreement(counts), FleissKappa.Of(counts));
    }
}
