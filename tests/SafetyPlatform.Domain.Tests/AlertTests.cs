using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>When a queue's numbers raise an alert, and how a lead's book of alerts keeps them.</summary>
public class AlertTests
{
    private const string Queue = "queues/hate-en";
    private static readonly DateTimeOffset Now = At(10, 0);
    private int _ids;

    [Fact]
    public void A_queue_with_items_due_within_5_minutes_and_one_overdue_has_its_SLA_at_risk()
    {
        var holding = QueueAlertRules.Evaluate(Queue, Load(atRisk: 2, overdue: 1), arrivalsLastMinute: 0, arrivalsFifteenMinutesBefore: 0, Now);

        var risk = Assert.Single(holding, c => c.Kind == AlertKind.SlaAtRisk);
        Assert.Equal(3, risk.Value);
        Assert.Contains("2 waiting items due within 5 minutes and 1 overdue", risk.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_breach_predicted_in_20_minutes_warns_and_one_in_40_does_not()
    {
        Assert.Contains(QueueAlertRules.Evaluate(Queue, Load(firstBreach: Now.AddMinutes(20)), 0, 0, Now), c => c.Kind == AlertKind.PredictedBreach && c.Value == 20);
        Assert.DoesNotContain(QueueAlertRules.Evaluate(Queue, Load(firstBreach: Now.AddMinutes(40)), 0, 0, Now), c => c.Kind == AlertKind.PredictedBreach);
    }

    [Fact]
    public void Two_staffed_where_five_are_needed_is_understaffed_by_three()
    {
        var short3 = Assert.Single(QueueAlertRules.Evaluate(Queue, Load(staffed: 2, needed: 5), 0, 0, Now));
        Assert.Equal(AlertKind.Understaffed, short3.Kind);
        Assert.Equal(3, short3.Value);
        Assert.Empty(QueueAlertRules.Evaluate(Queue, Load(staffed: 5, needed: 5), 0, 0, Now));
    }

    [Fact]
    public void Thirty_arrivals_in_a_minute_after_a_quarter_hour_of_sixty_is_a_surge_and_twenty_is_not()
    {
        // Baseline: 60 in 15 minutes = 4 a minute; a surge is at least 3 × 4 = 12 and at least 10.
        var surge = Assert.Single(QueueAlertRules.Evaluate(Queue, Load(), arrivalsLastMinute: 30, arrivalsFifteenMinutesBefore: 60, Now));
        Assert.Equal(AlertKind.QueueSurge, surge.Kind);
        Assert.Equal(12, surge.Threshold);
        Assert.Contains("7.5 times", surge.Summary, StringComparison.Ordinal);
        Assert.Empty(QueueAlertRules.Evaluate(Queue, Load(), arrivalsLastMinute: 9, arrivalsFifteenMinutesBefore: 0, Now));
        Assert.Empty(QueueAlertRules.Evaluate(Queue, Load(), arrivalsLastMinute: 11, arrivalsFifteenMinutesBefore: 60, Now));
    }

    [Fact]
    public void A_condition_reported_every_second_is_raised_once_and_its_numbers_follow()
    {
        var book = new AlertBook([]);

        var raised = book.Report(Queue, [Condition(AlertKind.SlaAtRisk, 2)], Now, NewId);
        var same = book.Report(Queue, [Condition(AlertKind.SlaAtRisk, 2)], Now.AddSeconds(1), NewId);
        var grown = book.Report(Queue, [Condition(AlertKind.SlaAtRisk, 5)], Now.AddSeconds(2), NewId);

        var alert = Assert.Single(raised);
        Assert.Empty(same);
        Assert.Equal(alert.AlertId, Assert.Single(grown).AlertId);
        Assert.Equal(5, Assert.Single(book.Alerts).Value);
        Assert.Equal(Now, book.Alerts.Single().RaisedAt);
    }

    [Fact]
    public void An_alert_clears_a_minute_after_its_condition_was_last_reported_and_a_flicker_does_not_clear_it()
    {
        var book = new AlertBook([]);
        var alert = book.Report(Queue, [Condition(AlertKind.Understaffed, 1)], Now, NewId)[0];

        Assert.Empty(book.Report(Queue, [], Now.AddSeconds(30), NewId));                        // gone for 30 s: still open
        Assert.Empty(book.Report(Queue, [Condition(AlertKind.Understaffed, 1)], Now.AddSeconds(40), NewId)); // back: the same alert
        var cleared = Assert.Single(book.Report(Queue, [], Now.AddSeconds(100), NewId));       // gone for 60 s: cleared

        Assert.Equal(alert.AlertId, cleared.AlertId);
        Assert.Equal(Now.AddSeconds(100), cleared.ClearedAt);
        var again = Assert.Single(book.Report(Queue, [Condition(AlertKind.Understaffed, 1)], Now.AddMinutes(5), NewId));
        Assert.NotEqual(alert.AlertId, again.AlertId);                                           // a new episode, a new alert
    }

    [Fact]
    public void An_acknowledged_alert_stays_acknowledged_while_it_holds_and_is_not_raised_again()
    {
        var book = new AlertBook([]);
        var alert = book.Report(Queue, [Condition(AlertKind.SlaAtRisk, 1)], Now, NewId)[0];

        var acknowledged = book.Acknowledge(alert.AlertId, "specialists/lead-niamh", Now.AddMinutes(1));
        book.Report(Queue, [Condition(AlertKind.SlaAtRisk, 4)], Now.AddMinutes(2), NewId);

        Assert.Equal("specialists/lead-niamh", acknowledged!.AcknowledgedBy);
        var open = Assert.Single(book.Alerts);
        Assert.True(open.IsAcknowledged);
        Assert.Equal(4, open.Value);
        Assert.Null(book.Acknowledge("no-such-alert", "specialists/lead-niamh", Now));
    }

    [Fact]
    public void A_book_read_back_from_storage_carries_on_with_the_same_alerts()
    {
        var book = new AlertBook([]);
        var alert = book.Report(Queue, [Condition(AlertKind.SlaAtRisk, 1)], Now, NewId)[0];

        var reloaded = new AlertBook(book.Alerts);

        Assert.Empty(reloaded.Report(Queue, [Condition(AlertKind.SlaAtRisk, 1)], Now.AddSeconds(5), NewId));
        Assert.Equal(alert.AlertId, Assert.Single(reloaded.Alerts).AlertId);
    }

    private string NewId() => $"a{++_ids}";

    private static AlertCondition Condition(AlertKind kind, double value) => new(kind, Queue, value, 1, $"{kind} {value}");

    private static QueueLoad Load(int atRisk = 0, int overdue = 0, DateTimeOffset? firstBreach = null, int staffed = 1, int? needed = null) =>
        new(Now, ImmutableDictionary<Priority, int>.Empty, 0, 0, null, TimeSpan.FromMinutes(5), atRisk, overdue,
            new BreachPrediction(firstBreach, firstBreach is null ? null : "w1", staffed, TimeSpan.FromMinutes(4), null), 0, needed);
}
