using System.Text.Json;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Silo.Storage;

namespace SafetyPlatform.Silo.Tests;

/// <summary>The stored item format is a contract: a page written by an earlier build reads back whole, and writes back the same.</summary>
public sealed class StoredFormatTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static string CheckedInPage() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages", "work-items-2026-12-01.json"));

    private static IReadOnlyList<WorkItem> Read(string json) =>
        JsonRows.ReadPage(new TableEntity("queue.00003", "page") { [JsonRows.DataProperty] = json }, WorkItemJson.Default.ListWorkItem);

    [Fact]
    public void A_page_written_on_2026_12_01_reads_back_every_field()
    {
        var items = Read(CheckedInPage()).ToDictionary(i => i.ItemId);

        Assert.Equal(6, items.Count);
        var queued = items["wqueued0000000001"];
        Assert.Equal(3, queued.Partition);
        Assert.Equal(WorkItemStatus.Queued, queued.Status);
        Assert.Equal(Priority.P1, queued.Submission.Priority);
        Assert.Equal(HarmCategory.HateSpeech, queued.Submission.HarmCategory);
        Assert.Equal("moderation-tool\nreq-wqueued0000000001", queued.Submission.RequestKey);
        Assert.Equal("user-report", queued.Submission.Labels["source"]);
        Assert.Equal(Nine.AddHours(1), queued.Deadline);

        var reserved = items["wreserved00000001"];
        Assert.Equal(("aoife", Nine.AddMinutes(1).AddSeconds(30)), (reserved.Holder, reserved.ReservationExpiry));
        Assert.Equal(("pt-BR", Nine.AddMinutes(10)), (reserved.Submission.Language, reserved.Submission.Deadline));

        Assert.Equal<string>(["aoife"], items["wrejected00000001"].SkippedBy);

        var completed = items["wcompleted0000001"];
        Assert.Equal(
            [WorkItemAction.Enqueued, WorkItemAction.Offered, WorkItemAction.Expired, WorkItemAction.Offered, WorkItemAction.Accepted,
             WorkItemAction.Released, WorkItemAction.Offered, WorkItemAction.Withdrawn, WorkItemAction.Offered, WorkItemAction.Accepted,
             WorkItemAction.Transferred, WorkItemAction.Accepted, WorkItemAction.Completed],
            completed.History.Select(e => e.Action));
        Assert.Equal(new WorkOutcome("remove", "hate-speech/slurs", "clear violation", TimeSpan.FromMinutes(3), Nine.AddMinutes(12), "ciara"), completed.Outcome);
        Assert.Equal((42L, 13), (completed.CompletionSequence, completed.LastEvent));
        Assert.Equal("conflict of interest", items["wrejected00000001"].History[^1].Reason);

        var escalated = items["wescalated0000001"];
        Assert.Equal((WorkItemStatus.Escalated, "leads", true), (escalated.Status, escalated.EscalatedTo, escalated.EscalationDelivered));
        Assert.Equal(WorkItemAction.EscalatedIn, items["wadopted000000001"].History[^1].Action);
        Assert.Equal("queues/hate-en", items["wadopted000000001"].History[^1].Actor);
    }

    [Fact]
    public void The_same_items_are_written_back_exactly_as_that_build_wrote_them()
    {
        var page = CheckedInPage();

        var rewritten = Assert.Single(JsonRows.Pages(Read(page), WorkItemJson.Default.WorkItem)).Json;

        Assert.Equal(page, rewritten);
    }

    [Fact]
    public void Golden_items_and_audit_work_keep_what_sets_them_apart_when_stored_and_read_back()
    {
        var page = Read(CheckedInPage());
        var ordinary = page.Single(i => i.ItemId == "wqueued0000000001");
        WorkItem[] special =
        [
            ordinary with { ItemId = "wgolden000000001", Submission = ordinary.Submission with { GoldenAnswer = "remove" } },
            ordinary with
            {
                ItemId = "waudit0000000001",
                Submission = ordinary.Submission with { AuditedItem = "queues/hate-en/workItems/wcompleted0000001", AuditedSpecialist = "ciara" },
            },
        ];

        var stored = Assert.Single(JsonRows.Pages(special, WorkItemJson.Default.WorkItem)).Json;
        var back = Read(stored).ToDictionary(i => i.ItemId);

        Assert.Contains("\"GoldenAnswer\":\"remove\"", stored, StringComparison.Ordinal);
        Assert.Equal(("remove", true, true), (back["wgolden000000001"].Submission.GoldenAnswer, back["wgolden000000001"].Submission.IsGolden, back["wgolden000000001"].Submission.HasClientOutbox is false));
        var audit = back["waudit0000000001"].Submission;
        Assert.Equal(("queues/hate-en/workItems/wcompleted0000001", "ciara", true), (audit.AuditedItem, audit.AuditedSpecialist, audit.IsAudit));
        Assert.Null(audit.GoldenAnswer);
    }

    [Fact]
    public void An_unknown_action_name_is_refused_rather_than_read_as_another()
    {
        var page = CheckedInPage().Replace("\"Action\":\"rejected\"", "\"Action\":\"declined\"", StringComparison.Ordinal);

        Assert.ThrowsAny<JsonException>(() => Read(page));
    }
}
