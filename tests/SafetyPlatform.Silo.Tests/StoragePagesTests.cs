using System.Collections.Immutable;
using System.Text.Json;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Work;
using SafetyPlatform.Silo.Storage;

namespace SafetyPlatform.Silo.Tests;

public sealed class StoragePagesTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Records_are_packed_in_order_into_pages_no_longer_than_the_limit()
    {
        var records = Enumerable.Range(1, 100).Select(i => new { Sequence = i, Note = new string('x', 90) }).ToList();

        var pages = JsonRows.Pages(records, maxChars: 1_000);

        Assert.All(pages, page => Assert.True(page.Json.Length <= 1_000, $"page of {page.Json.Length} characters"));
        Assert.Equal(records.Select(r => r.Sequence), pages.SelectMany(p => p.Records).Select(r => r.Sequence));
        Assert.All(pages, page => Assert.Equal(page.Records.Select(r => r.Sequence),
            JsonDocument.Parse(page.Json).RootElement.EnumerateArray().Select(e => e.GetProperty("Sequence").GetInt32())));
        Assert.True(pages.Count < records.Count / 5, $"{pages.Count} pages for {records.Count} records of ~110 characters");
    }

    [Fact]
    public void A_record_larger_than_a_page_makes_a_page_of_its_own_and_nothing_is_lost()
    {
        var pages = JsonRows.Pages(["small", new string('y', 2_000), "small again"], maxChars: 1_000);

        Assert.Equal(3, pages.Count);
        Assert.Equal(new string('y', 2_000), Assert.Single(pages[1].Records));
    }

    [Fact]
    public void No_records_make_no_pages()
    {
        Assert.Empty(JsonRows.Pages(Array.Empty<string>()));
    }

    [Fact]
    public void Of_an_item_s_copies_in_several_pages_the_latest_change_wins_whatever_the_read_order()
    {
        var arrived = Arrived("w1");
        var accepted = arrived.After(WorkItemAction.Offered, WorkItemActor.Routing, Nine.AddMinutes(1), "specialists/aoife", "")
            .After(WorkItemAction.Accepted, WorkItemActor.Holder, Nine.AddMinutes(1), "specialists/aoife", "") with { Holder = "aoife" };
        var other = Arrived("w2");

        var pageFirst = TableWorkItemStore.Latest([arrived, other, accepted]);
        var rowFirst = TableWorkItemStore.Latest([accepted, arrived, other]);

        Assert.Equal(2, pageFirst.Count);
        Assert.Equal(WorkItemStatus.Handling, pageFirst.Single(i => i.ItemId == "w1").Status);
        Assert.Equal(WorkItemStatus.Handling, rowFirst.Single(i => i.ItemId == "w1").Status);
        Assert.Equal(WorkItemStatus.Queued, rowFirst.Single(i => i.ItemId == "w2").Status);
    }

    [Fact]
    public void Of_two_copies_with_the_same_last_event_the_one_noting_the_escalation_delivered_wins()
    {
        var escalated = Arrived("w1")
            .After(WorkItemAction.Offered, WorkItemActor.Routing, Nine.AddMinutes(1), "specialists/aoife", "")
            .After(WorkItemAction.Accepted, WorkItemActor.Holder, Nine.AddMinutes(1), "specialists/aoife", "")
            .After(WorkItemAction.Escalated, WorkItemActor.Holder, Nine.AddMinutes(2), "specialists/aoife", "needs a lead") with { EscalatedTo = "leads" };
        var delivered = escalated with { EscalationDelivered = true };

        Assert.True(Assert.Single(TableWorkItemStore.Latest([escalated, delivered])).EscalationDelivered);
        Assert.True(Assert.Single(TableWorkItemStore.Latest([delivered, escalated])).EscalationDelivered);
    }

    private static WorkItem Arrived(string id) =>
        new WorkItem(id, 0,
            new WorkItemSubmission("moderation-tool", "r-" + id, "c-" + id, "https://content.example/" + id, HarmCategory.HateSpeech, Priority.P2, "en", null,
                ImmutableDictionary<string, string>.Empty),
            WorkItemStatus.Unspecified, string.Empty, null, Nine, Nine.AddHours(8), null, null, [], [])
        .After(WorkItemAction.Enqueued, WorkItemActor.SubmittingClient, Nine, "clients/moderation-tool", string.Empty);
}
