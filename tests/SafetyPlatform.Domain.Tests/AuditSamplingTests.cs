using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// Audit sampling on queues/hate-en: 10 % of everyone's completed items are audited, 50 % of a
/// specialist's in their first 30 days, 30 % of a specialist whose accuracy over the last 30
/// days is below 90 %; each chosen item becomes audit work in queues/hate-en-audit.
/// </summary>
public class AuditSamplingTests
{
    private static readonly AuditSampling Rule = new("hate-en-audit", Share: 0.10, NewSpecialistShare: 0.50, NewForDays: 30,
        AccuracyThreshold: 0.90, BelowThresholdShare: 0.30);

    private static AuditeeRecord Record(int days, int audited, int agreed) =>
        new(TimeSpan.FromDays(days), new QualityTally(audited, agreed, 0, 0, 0));

    private static string ItemName(int n) => $"queues/hate-en/workItems/w{n:D7}";

    [Theory]
    [InlineData(200, 20, 19, 0.10)] // with us 200 days, 19 of 20 audits agreed (95 %): the base share
    [InlineData(200, 0, 0, 0.10)] // no audits in the window: no accuracy, so never below the threshold
    [InlineData(10, 0, 0, 0.50)] // 10 days in: new
    [InlineData(200, 20, 17, 0.30)] // 17 of 20 (85 %) is below 90 %
    [InlineData(10, 20, 17, 0.50)] // new and below: the higher share
    [InlineData(30, 20, 18, 0.10)] // exactly 30 days is no longer new; exactly 90 % is not below 90 %
    public void The_share_for_a_specialist_is_the_highest_their_record_earns(int daysWithUs, int audited, int agreed, double share)
    {
        Assert.Equal(share, Rule.ShareFor(Record(daysWithUs, audited, agreed)));
    }

    [Fact]
    public void Of_ten_thousand_items_about_the_share_are_chosen_and_the_same_ones_every_time()
    {
        var veteran = Record(200, 20, 19);
        var chosen = Enumerable.Range(0, 10_000).Where(n => Rule.Picks(ItemName(n), veteran)).ToList();

        // 10 % of 10,000 is 1,000; three standard deviations (sqrt(10,000 x 0.1 x 0.9) = 30) either side.
        Assert.InRange(chosen.Count, 910, 1090);
        Assert.Equal(chosen, Enumerable.Range(0, 10_000).Where(n => Rule.Picks(ItemName(n), veteran)));
    }

    [Fact]
    public void A_new_specialists_items_include_every_item_a_veterans_would_and_more()
    {
        var veteran = Record(200, 20, 19);
        var newcomer = Record(5, 0, 0);
        var names = Enumerable.Range(0, 2_000).Select(ItemName).ToList();

        Assert.All(names.Where(n => Rule.Picks(n, veteran)), n => Assert.True(Rule.Picks(n, newcomer), n));
        Assert.InRange(names.Count(n => Rule.Picks(n, newcomer)), 900, 1100); // 50 % of 2,000
    }

    [Fact]
    public void The_shortcuts_that_skip_reading_the_record_agree_with_the_full_choice()
    {
        AuditeeRecord[] records = [Record(200, 20, 19), Record(200, 0, 0), Record(10, 0, 0), Record(200, 20, 17), Record(10, 20, 17)];
        foreach (var name in Enumerable.Range(0, 2_000).Select(ItemName))
        {
            if (Rule.PicksWhoever(name))
            {
                Assert.All(records, r => Assert.True(Rule.Picks(name, r), name));
            }

            if (!Rule.MightPick(name))
            {
                Assert.All(records, r => Assert.False(Rule.Picks(name, r), name));
            }
        }
    }

    [Fact]
    public void A_rule_with_no_share_for_anyone_chooses_nothing()
    {
        var none = new AuditSampling("hate-en-audit", 0, 0.5, NewForDays: 0, AccuracyThreshold: 0, BelowThresholdShare: 0.5);

        Assert.DoesNotContain(Enumerable.Range(0, 1_000).Select(ItemName), n => none.MightPick(n) || none.Picks(n, Record(1, 10, 0)));
    }

    [Theory]
    [InlineData("", "en,de", true)] // an audit queue for any language takes everything
    [InlineData("en,de,fr", "en,de", true)]
    [InlineData("de", "en,de", false)] // English work would be refused
    [InlineData("en", "", false)] // a queue for any language may complete work in any
    public void An_audit_queue_must_take_every_language_of_the_queue_it_audits(string audit, string sampled, bool takes)
    {
        static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(takes, AuditSampling.TakesEveryLanguageOf(Split(audit), Split(sampled)));
    }

    [Fact]
    public void Audit_work_carries_the_items_content_and_says_what_to_audit_at_priority_P2()
    {
        var backlog = new Backlog(Rules(), null);
        backlog.Enqueue("w1", At(9, 0));
        backlog.OfferBest(Aoife, At(9, 1));
        backlog.Accept("w1", "aoife", At(9, 1));
        var completed = backlog.Complete("w1", "aoife", Removal, 1, At(9, 4));

        var work = AuditSampling.AuditWork("queues/hate-en/workItems/w1", completed);

        Assert.Equal(("audit-sampling", "queues/hate-en/workItems/w1", "post-r-w1", HarmCategory.HateSpeech, Priority.P2, "en"),
            (work.Client, work.RequestId, work.ContentId, work.HarmCategory, work.Priority, work.Language));
        Assert.Equal(("queues/hate-en/workItems/w1", "aoife"), (work.AuditedItem, work.AuditedSpecialist));
        Assert.Equal(("queues/hate-en/workItems/w1", "specialists/aoife", "remove"),
            (work.Labels["audited-item"], work.Labels["audited-specialist"], work.Labels["decision"]));
        Assert.True(work.IsAudit);
        Assert.False(work.HasClientOutbox);
    }
}
