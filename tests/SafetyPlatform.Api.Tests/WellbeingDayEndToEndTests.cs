using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// A simulated day through the real platform, its limits in seconds instead of hours so that it
/// runs in well under a minute: three specialists take mixed traffic, handle each item for a
/// while, and take a wellness break when routing says one is due. At the end no limit was broken
/// and each one's ledger matches a recount from the items' histories, done here independently.
/// </summary>
[Collection(PlatformCollection.Name)]
public class WellbeingDayEndToEndTests(PlatformFixture fixture)
{
    private static readonly TimeSpan Day = TimeSpan.FromSeconds(25);

    // The policy of the day, in seconds; items are expected to take 1 s and take 0.1–0.5 s.
    private static readonly TimeSpan ChildSafetyPerDay = TimeSpan.FromSeconds(4);
    private const int SelfHarmPerShift = 3;
    private static readonly TimeSpan HateSpeechPerShift = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan CoolDown = TimeSpan.FromSeconds(1);
    private const int InARow = 3;
    private static readonly TimeSpan WellnessAfter = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan WellnessBreak = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Rotation = TimeSpan.FromSeconds(6);

    private static readonly HarmCategory[] Mix =
    [
        HarmCategory.ChildSafety, HarmCategory.ViolentExtremism, HarmCategory.SuicideSelfHarm, HarmCategory.ViolentGraphic,
        HarmCategory.AnimalCruelty, HarmCategory.HateSpeech, HarmCategory.HarassmentBullying, HarmCategory.SpamScams, HarmCategory.AccountSupport,
    ];

    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    /// <summary>One item's time in one specialist's hands, recounted from its history.</summary>
    private sealed record Handled(string Item, HarmCategory Category, DateTimeOffset Start, DateTimeOffset End);

    [Fact]
    public async Task A_day_of_mixed_traffic_breaks_no_limit_and_every_ledger_matches_the_items_histories()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        await fixture.Connection.Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = new WellbeingPolicy
            {
                Name = team.Name + "/wellbeingPolicy",
                Budgets =
                {
                    new ExposureBudget { HarmCategory = HarmCategory.ChildSafety, TimePerDay = Duration.FromTimeSpan(ChildSafetyPerDay) },
                    new ExposureBudget { HarmCategory = HarmCategory.SuicideSelfHarm, ItemsPerShift = SelfHarmPerShift },
                    new ExposureBudget { HarmCategory = HarmCategory.HateSpeech, TimePerShift = Duration.FromTimeSpan(HateSpeechPerShift) },
                },
                CoolDown = Duration.FromTimeSpan(CoolDown),
                MaxConsecutiveHighHarm = InARow,
                WellnessBreakAfter = Duration.FromTimeSpan(WellnessAfter),
                WellnessBreak = Duration.FromTimeSpan(WellnessBreak),
                RotationAfter = Duration.FromTimeSpan(Rotation),
            },
            UpdateMask = new FieldMask { Paths = { "budgets", "cool_down", "max_consecutive_high_harm", "wellness_break_after", "wellness_break", "rotation_after" } },
            Reason = "a day in seconds",
            Actor = "tests",
        });
        await Work.UpdateQueueAsync(new UpdateQueueRequest { Queue = new Queue { Name = queue.Name, ExpectedHandleTime = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) } });

        var random = new Random(20261202);
        var items = new List<WorkItem>();
        foreach (var category in Enumerable.Range(0, 60).Select(_ => Mix[random.Next(Mix.Length)]))
        {
            items.Add(await WellbeingRoutingEndToEndTests.Arrives(Work, queue, category));
        }

        var specialists = new[]
        {
            await AvailableSpecialist(fixture.Connection, team, "Aoife"),
            await AvailableSpecialist(fixture.Connection, team, "Brid"),
            await AvailableSpecialist(fixture.Connection, team, "Cian"),
        };
        var endOfDay = DateTimeOffset.UtcNow + Day;
        await Task.WhenAll(specialists.Select((s, i) => WorkTheDay(s, queue, endOfDay, new Random(i))));

        var histories = await Task.WhenAll(items.Select(i => Work.GetWorkItemAsync(new GetWorkItemRequest { Name = i.Name }).ResponseAsync));
        foreach (var specialist in specialists)
        {
            var handled = Recount(histories, specialist);
            var breaks = await Breaks(specialist);
            NoLimitBroken(specialist.DisplayName, handled, breaks);

            var exposure = await fixture.Connection.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = specialist.Name + "/exposure" });
            Assert.Equal(0, exposure.ItemsInHand);
            foreach (var category in handled.GroupBy(h => h.Category))
            {
                var inLedger = Assert.Single(exposure.Categories, c => c.HarmCategory == category.Key);
                Assert.Equal(category.Count(), inLedger.Today.Items);
                Assert.Equal(category.Aggregate(TimeSpan.Zero, (sum, h) => sum + (h.End - h.Start)), inLedger.Today.HandlingTime.ToTimeSpan());
            }

            Assert.Equal(handled.Count, exposure.Today.Items);
        }

        // The day did happen: most items were handled.
        Assert.True(histories.Count(h => h.Status == WorkItemStatus.Completed) >= 30, $"{histories.Count(h => h.Status == WorkItemStatus.Completed)} of 60 completed");
    }

    /// <summary>A specialist's day: take what routing offers, handle it a while, and take a wellness break when one is due.</summary>
    private async Task WorkTheDay(Specialist specialist, Queue queue, DateTimeOffset endOfDay, Random random)
    {
        while (DateTimeOffset.UtcNow < endOfDay)
        {
            var offer = await WellbeingRoutingEndToEndTests.Next(Work, specialist);
            if (offer is not null)
            {
                await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = specialist.Name });
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(100, 500)));   // handling it: the work, not a wait for an event
                await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = specialist.Name, Outcome = new Outcome { Decision = "remove" } });
                continue;
            }

            var explained = await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = specialist.Name, Queue = queue.Name });
            if (explained.Queues.Any(q => q.Reason.Contains("WellnessBreakDue", StringComparison.Ordinal)))
            {
                await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = specialist.Name, ActivityState = ActivityState.WellnessBreak });
                await Task.Delay(WellnessBreak + TimeSpan.FromMilliseconds(200));   // the break itself
                await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = specialist.Name, ActivityState = ActivityState.Available });
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));   // nothing to do now: a cool-down or a micro-break runs out with time
            }
        }
    }

    /// <summary>From the items' histories alone: each time the specialist took an item until it left their hands.</summary>
    private static List<Handled> Recount(IEnumerable<WorkItem> items, Specialist specialist)
    {
        var handled = new List<Handled>();
        foreach (var item in items)
        {
            var history = item.History.OrderBy(e => e.Sequence).ToList();
            for (var i = 0; i < history.Count; i++)
            {
                if (history[i].ToStatus == WorkItemStatus.Handling && history[i].FromStatus != WorkItemStatus.Handling && IsBy(history[i].Actor, specialist))
                {
                    var left = history.Skip(i + 1).First(e => e.FromStatus == WorkItemStatus.Handling && e.ToStatus != WorkItemStatus.Handling);
                    handled.Add(new Handled(item.Name, item.HarmCategory, history[i].EventTime.ToDateTimeOffset(), left.EventTime.ToDateTimeOffset()));
                }
            }
        }

        return [.. handled.OrderBy(h => h.Start)];
    }

    private static bool IsBy(string actor, Specialist specialist) => actor == specialist.Name || "specialists/" + actor == specialist.Name;

    /// <summary>The specialist's wellness breaks that lasted their full length, from the roster's transitions.</summary>
    private async Task<List<(DateTimeOffset Start, DateTimeOffset End)>> Breaks(Specialist specialist)
    {
        var transitions = (await fixture.Connection.Roster.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = specialist.Name, PageSize = 1000 }))
            .ActivityTransitions.OrderBy(t => t.Sequence).ToList();
        var breaks = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var i = 0; i < transitions.Count - 1; i++)
        {
            if (transitions[i].ToState == ActivityState.WellnessBreak)
            {
                var (start, end) = (transitions[i].TransitionTime.ToDateTimeOffset(), transitions[i + 1].TransitionTime.ToDateTimeOffset());
                if (end - start >= WellnessBreak)
                {
                    breaks.Add((start, end));
                }
            }
        }

        return breaks;
    }

    private static bool IsCritical(HarmCategory c) => c is HarmCategory.ChildSafety or HarmCategory.ViolentExtremism;

    private static bool IsHighHarm(HarmCategory c) => IsCritical(c) || c is HarmCategory.SuicideSelfHarm or HarmCategory.ViolentGraphic or HarmCategory.AnimalCruelty;

    private static TimeSpan Sum(IEnumerable<Handled> handled) => handled.Aggregate(TimeSpan.Zero, (sum, h) => sum + (h.End - h.Start));

    /// <summary>Every limit of the day's policy, checked from the recount (items took less than their expected second, so none may pass by an overrun).</summary>
    private static void NoLimitBroken(string who, List<Handled> handled, List<(DateTimeOffset Start, DateTimeOffset End)> breaks)
    {
        Assert.True(Sum(handled.Where(h => h.Category == HarmCategory.ChildSafety)) <= ChildSafetyPerDay, $"{who}: child-safety budget");
        Assert.True(handled.Count(h => h.Category == HarmCategory.SuicideSelfHarm) <= SelfHarmPerShift, $"{who}: self-harm budget");
        Assert.True(Sum(handled.Where(h => h.Category == HarmCategory.HateSpeech)) <= HateSpeechPerShift, $"{who}: hate-speech budget");
        var highHarm = handled.Where(h => IsHighHarm(h.Category)).ToList();
        Assert.True(Sum(highHarm) <= Rotation, $"{who}: rotation");

        var critical = handled.Where(h => IsCritical(h.Category)).ToList();
        for (var i = 1; i < critical.Count; i++)
        {
            Assert.True(critical[i].Start >= critical[i - 1].End + CoolDown, $"{who}: {critical[i].Item} began inside the cool-down after {critical[i - 1].Item}");
        }

        // Between counted wellness breaks: at most the limit of high harm, and at most InARow high-harm items in a row.
        var run = 0;
        var sinceBreak = TimeSpan.Zero;
        var lastBreak = DateTimeOffset.MinValue;
        foreach (var item in handled)
        {
            var breakEnd = breaks.Where(b => b.End <= item.Start).Select(b => b.End).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            if (breakEnd > lastBreak)
            {
                (lastBreak, run, sinceBreak) = (breakEnd, 0, TimeSpan.Zero);
            }

            if (IsHighHarm(item.Category))
            {
                run++;
                sinceBreak += item.End - item.Start;
                Assert.True(run <= InARow, $"{who}: {run} high-harm items in a row at {item.Item}");
                Assert.True(sinceBreak <= WellnessAfter, $"{who}: {sinceBreak} of high harm without a wellness break at {item.Item}");
            }
            else
            {
                run = 0;
            }
        }
    }
}
