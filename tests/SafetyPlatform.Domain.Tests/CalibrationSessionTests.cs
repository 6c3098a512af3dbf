using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Domain.Tests;

/// <summary>A calibration session's agreement and kappa, with the numbers written out.</summary>
public class CalibrationSessionTests
{
    private static readonly AuditVerdict Agrees = new(true, string.Empty, 90, AuditErrorCategory.None, string.Empty);

    private static readonly AuditVerdict SaysKeep = new(false, "keep", 30, AuditErrorCategory.OverEnforcement, string.Empty);

    private static CalibrationSession Session(int items, params string[] auditors) =>
        new(auditors, [.. Enumerable.Range(1, items).Select(i => ($"item-{i}", "remove"))], []);

    [Fact]
    public void Two_auditors_are_measured_with_cohens_kappa_on_the_decision_each_holds_right()
    {
        // The 2×2 table of Wikipedia's "Cohen's kappa" example over 50 removed items: both hold "remove" right on 20,
        // Rosa "remove" and Sam "keep" on 5, Rosa "keep" and Sam "remove" on 10, both "keep" on 15. κ = 0.4, agreement 0.7.
        var session = Session(50, "rosa", "sam");
        var cells = new[] { (20, Agrees, Agrees), (5, Agrees, SaysKeep), (10, SaysKeep, Agrees), (15, SaysKeep, SaysKeep) };
        var item = 1;
        foreach (var (count, rosa, sam) in cells)
        {
            for (var i = 0; i < count; i++, item++)
            {
                Assert.Equal(CalibrationRefusal.None, session.Record($"item-{item}", "rosa", rosa));
                Assert.Equal(CalibrationRefusal.None, session.Record($"item-{item}", "sam", sam));
            }
        }

        var results = session.Results();
        Assert.Equal((50, AgreementMeasure.CohensKappa), (results.CompleteItems, results.Measure));
        Assert.Equal(0.7, results.AgreementRate!.Value, 10);
        Assert.Equal(0.4, results.Kappa!.Value, 10);
        // Over-enforcement is named exactly where "keep" is held right: the same table, the same kappa.
        var overEnforcement = Assert.Single(results.Categories);
        Assert.Equal((AuditErrorCategory.OverEnforcement, 15 + 15 + 10 + 5), (overEnforcement.Category, overEnforcement.Flagged));
        Assert.Equal(0.4, overEnforcement.Kappa!.Value, 10);
    }

    [Fact]
    public void Three_auditors_are_measured_with_fleiss_kappa_over_the_items_all_of_them_did()
    {
        // Four items, three auditors (R: remove held right, K: keep):
        // item 1 R R R (P = 1), item 2 R R K (P = 1/3), item 3 K K K (P = 1), item 4 R K K (P = 1/3).
        // P̄ = 2/3; p_R = p_K = 6/12 = 0.5, P̄e = 0.5; κ = (2/3 − 0.5)/(1 − 0.5) = 1/3.
        var session = Session(5, "rosa", "sam", "tomas");
        var ratings = new[] { "RRR", "RRK", "KKK", "RKK" };
        for (var i = 0; i < ratings.Length; i++)
        {
            for (var a = 0; a < 3; a++)
            {
                session.Record($"item-{i + 1}", session.Auditors[a], ratings[i][a] == 'R' ? Agrees : SaysKeep);
            }
        }

        // Item 5 has one verdict only: it waits, and counts for nothing yet.
        session.Record("item-5", "rosa", SaysKeep);

        var results = session.Results();
        Assert.Equal((4, AgreementMeasure.FleissKappa), (results.CompleteItems, results.Measure));
        Assert.Equal(2.0 / 3, results.AgreementRate!.Value, 10);
        Assert.Equal(1.0 / 3, results.Kappa!.Value, 10);
        Assert.Equal(6, Assert.Single(results.Categories).Flagged);
    }

    [Fact]
    public void A_verdict_from_outside_the_session_or_a_second_one_is_refused_and_kept_apart()
    {
        var session = Session(2, "rosa", "sam");
        Assert.Equal(CalibrationRefusal.NotAnAuditor, session.Record("item-1", "tomas", Agrees));
        Assert.Equal(CalibrationRefusal.NotAnItem, session.Record("item-9", "rosa", Agrees));
        Assert.Equal(CalibrationRefusal.None, session.Record("item-1", "rosa", Agrees));
        Assert.Equal(CalibrationRefusal.AlreadyGiven, session.Record("item-1", "rosa", SaysKeep));
        Assert.Equal(Agrees, session.VerdictOf("item-1", "rosa"));
        Assert.Equal(new CalibrationResults(0, null, null, AgreementMeasure.CohensKappa, []), session.Results() with { Categories = [] });
        Assert.Throws<ArgumentException>(() => Session(2, "rosa"));
        Assert.Throws<ArgumentException>(() => Session(2, "rosa", "rosa"));
    }
}
