using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Domain.Tests;

/// <summary>Audits of one completed item, and accuracy and quality made from them, with the numbers written out.</summary>
public class ItemAuditsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly AuditVerdict Agrees = new(true, string.Empty, 90, AuditErrorCategory.None, string.Empty);

    private static readonly AuditVerdict Disagrees = new(false, "keep", 40, AuditErrorCategory.OverEnforcement, "satire, allowed");

    [Fact]
    public void Only_completed_work_is_audited_never_by_the_one_who_did_it_and_once_per_auditor()
    {
        var audits = new ItemAudits([]);
        Assert.Equal(AuditRefusal.NotCompleted, audits.Submit("specialists/qa-rosa", Agrees, completedBy: null, "r1", Noon).Refusal);
        Assert.Equal(AuditRefusal.OwnWork, audits.Submit("specialists/aoife", Agrees, completedBy: "specialists/aoife", "r1", Noon).Refusal);

        var (audit, isNew, refusal) = audits.Submit("specialists/qa-rosa", Disagrees, "specialists/aoife", "r1", Noon);
        Assert.Equal((true, AuditRefusal.None, "1", "specialists/aoife"), (isNew, refusal, audit!.AuditId, audit.Specialist));

        // The same request again is the same audit, not a second; a new request by the same auditor is refused.
        var again = audits.Submit("specialists/qa-rosa", Disagrees, "specialists/aoife", "r1", Noon.AddMinutes(1));
        Assert.Equal((audit, false), (again.Audit, again.IsNew));
        Assert.Equal(AuditRefusal.AlreadyAudited, audits.Submit("specialists/qa-rosa", Agrees, "specialists/aoife", "r2", Noon).Refusal);
        Assert.Equal(AuditRefusal.AlreadyAudited, audits.Submit("specialists/qa-rosa", Agrees, "specialists/aoife", string.Empty, Noon).Refusal);

        // Another auditor may audit it too.
        Assert.Equal("2", audits.Submit("clients/policy-tool", Agrees, "specialists/aoife", string.Empty, Noon).Audit!.AuditId);
        Assert.Equal(2, audits.All.Count);
    }

    [Fact]
    public void Accuracy_is_agreed_over_audited_and_quality_the_mean_score()
    {
        // Four audits: three agree (scores 90, 80, 100), one does not (score 40).
        // Accuracy = 3/4 = 0.75; quality = (90 + 80 + 100 + 40)/4 = 77.5.
        var tally = QualityTally.Sum([QualityTally.OfAudit(true, 90), QualityTally.OfAudit(true, 80), QualityTally.OfAudit(true, 100), QualityTally.OfAudit(false, 40)]);
        Assert.Equal((4, 3, 310L), (tally.Audited, tally.Agreed, tally.ScoreSum));
        Assert.Equal(0.75, tally.Accuracy);
        Assert.Equal(77.5, tally.Quality);

        // Golden items count apart: 2 of 3 correct is 0.667, and leaves the audits' accuracy alone.
        var withGolden = tally.Plus(QualityTally.OfGolden(true)).Plus(QualityTally.OfGolden(true)).Plus(QualityTally.OfGolden(false));
        Assert.Equal(2.0 / 3, withGolden.GoldenAccuracy!.Value, 10);
        Assert.Equal(0.75, withGolden.Accuracy);

        // Nothing audited: no accuracy rather than a misleading zero.
        Assert.Null(QualityTally.None.Accuracy);
        Assert.Null(QualityTally.None.Quality);
        Assert.Null(QualityTally.None.GoldenAccuracy);
    }

    [Fact]
    public void A_golden_item_is_correct_when_the_decision_is_its_answer_ignoring_case_and_spaces()
    {
        Assert.True(GoldenItems.IsCorrect("escalate-to-law-enforcement", " Escalate-To-Law-Enforcement "));
        Assert.False(GoldenItems.IsCorrect("escalate-to-law-enforcement", "remove"));
        Assert.Equal(new QualityTally(0, 0, 0, 1, 1), GoldenItems.Score("remove", "REMOVE"));
        Assert.Equal(new QualityTally(0, 0, 0, 1, 0), GoldenItems.Score("remove", "keep"));
    }
}
