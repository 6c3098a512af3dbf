namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// What quality assurance found of some work: audits (how many, how many agreed with the
/// specialist's decision, their scores added up) and golden items (known-answer items scored on
/// completion). Sums add; the ratios are made from the sums, so a team's accuracy weighs every
/// audit once. docs/METRICS.md, "Quality", gives the formulas.
/// </summary>
/// <param name="Audited">Audits made.</param>
/// <param name="Agreed">Audits that agreed with the decision.</param>
/// <param name="ScoreSum">The audits' scores (0–100 each) added up.</param>
/// <param name="GoldenScored">Golden items completed and scored.</param>
/// <param name="GoldenCorrect">Golden items whose decision matched the known answer.</param>
public sealed record QualityTally(int Audited, int Agreed, long ScoreSum, int GoldenScored, int GoldenCorrect)
{
    public static QualityTally None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Agreed over audited; null when nothing was audited.</summary>
    public double? Accuracy => Audited == 0 ? null : (double)Agreed / Audited;

    /// <summary>The mean audit score, 0–100; null when nothing was audited.</summary>
    public double? Quality => Audited == 0 ? null : (double)ScoreSum / Audited;

    /// <summary>Correct over scored golden items, apart from audits; null when none was scored.</summary>
    public double? GoldenAccuracy => GoldenScored == 0 ? null : (double)GoldenCorrect / GoldenScored;

    public bool IsEmpty => Audited == 0 && GoldenScored == 0;

    /// <summary>One audit's verdict.</summary>
    public static QualityTally OfAudit(bool agrees, int score) => new(1, agrees ? 1 : 0, score, 0, 0);

    /// <summary>One golden item scored.</summary>
    public static QualityTally OfGolden(bool correct) => new(0, 0, 0, 1, correct ? 1 : 0);

    public QualityTally Plus(QualityTally other) => new(
        Audited + other.Audited, Agreed + other.Agreed, ScoreSum + other.ScoreSum, GoldenScored + other.GoldenScored, GoldenCorrect + other.GoldenCorrect);

    public static QualityTally Sum(IEnumerable<QualityTally> tallies) => tallies.Aggregate(None, (sum, t) => sum.Plus(t));
}
