using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Api.Wellbeing.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>A team's wellbeing policy read and changed through the real gateway, as a lead or the wellbeing team would, with every change audited.</summary>
[Collection(PlatformCollection.Name)]
public class WellbeingPolicyEndToEndTests(PlatformFixture fixture)
{
    private WellbeingService.WellbeingServiceClient Wellbeing => fixture.Connection.Wellbeing;

    [Fact]
    public async Task A_team_runs_on_the_cited_defaults_until_its_lead_changes_them_and_every_change_is_kept()
    {
        var team = await NewTeam(fixture.Connection.Roster);
        var name = team.Name + "/wellbeingPolicy";

        var defaults = await Wellbeing.GetWellbeingPolicyAsync(new GetWellbeingPolicyRequest { Name = name });
        Assert.True(defaults.IsDefault);
        Assert.Equal(0, defaults.Revision);
        Assert.Equal("16:00", defaults.HighHarmCutOff);
        Assert.Equal(TimeSpan.FromHours(5), defaults.Budgets.Single(b => b.HarmCategory == HarmCategory.ChildSafety).TimePerDay.ToTimeSpan());

        // The lead shortens the child-safety day to 4 hours and moves the cut-off to 15:00; nothing else changes.
        var changed = await Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = new WellbeingPolicy
            {
                Name = name,
                Etag = defaults.Etag,
                Budgets = { new ExposureBudget { HarmCategory = HarmCategory.ChildSafety, TimePerDay = Duration.FromTimeSpan(TimeSpan.FromHours(4)), ItemsPerShift = 40 } },
                HighHarmCutOff = "15:00",
            },
            UpdateMask = new FieldMask { Paths = { "budgets", "high_harm_cut_off" } },
            Reason = "new guidance from the wellbeing team",
            Actor = "specialists/lead-orla",
        });

        Assert.False(changed.IsDefault);
        Assert.Equal(1, changed.Revision);
        Assert.Equal("specialists/lead-orla", changed.UpdatedBy);
        Assert.Equal("15:00", changed.HighHarmCutOff);
        var budget = Assert.Single(changed.Budgets);
        Assert.Equal((TimeSpan.FromHours(4), 40), (budget.TimePerDay.ToTimeSpan(), budget.ItemsPerShift));
        Assert.Equal(defaults.WellnessBreakAfter, changed.WellnessBreakAfter);
        Assert.Equal(changed, await Wellbeing.GetWellbeingPolicyAsync(new GetWellbeingPolicyRequest { Name = name }));

        // A change made on the defaults' etag is stale now.
        await Expect.Status(StatusCode.Aborted, () => Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = new WellbeingPolicy { Name = name, Etag = defaults.Etag, HighHarmCutOff = "17:00" },
            UpdateMask = new FieldMask { Paths = { "high_harm_cut_off" } },
            Reason = "later", Actor = "specialists/lead-orla",
        }).ResponseAsync);

        // The cut-off removed (empty): a second revision; the audit lists both, newest first, a page at a time.
        await Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = new WellbeingPolicy { Name = name, HighHarmCutOff = string.Empty },
            UpdateMask = new FieldMask { Paths = { "high_harm_cut_off" } },
            Reason = "night team", Actor = "specialists/wellbeing-sam",
        });
        var first = await Wellbeing.ListWellbeingPolicyRevisionsAsync(new ListWellbeingPolicyRevisionsRequest { Parent = name, PageSize = 1 });
        var second = await Wellbeing.ListWellbeingPolicyRevisionsAsync(new ListWellbeingPolicyRevisionsRequest { Parent = name, PageSize = 1, PageToken = first.NextPageToken });
        Assert.Equal((2, "specialists/wellbeing-sam", "night team", ""), (first.Revisions[0].Revision, first.Revisions[0].Actor, first.Revisions[0].Reason, first.Revisions[0].Policy.HighHarmCutOff));
        Assert.Equal((1, "15:00"), (second.Revisions[0].Revision, second.Revisions[0].Policy.HighHarmCutOff));
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task A_policy_that_makes_no_sense_is_refused_naming_the_field_and_changes_nothing()
    {
        var team = await NewTeam(fixture.Connection.Roster);
        var name = team.Name + "/wellbeingPolicy";
        UpdateWellbeingPolicyRequest Change(WellbeingPolicy policy, params string[] paths) => new()
        {
            Policy = policy, UpdateMask = new FieldMask { Paths = { paths } }, Reason = "test", Actor = "specialists/lead-orla",
        };

        await Expect.InvalidField("policy.max_consecutive_high_harm",
            () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy { Name = name }, "max_consecutive_high_harm")).ResponseAsync);
        await Expect.InvalidField("policy.high_harm_cut_off",
            () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy { Name = name, HighHarmCutOff = "4pm" }, "high_harm_cut_off")).ResponseAsync);
        await Expect.InvalidField("policy.wellness_break_after",
            () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy { Name = name, WellnessBreakAfter = Duration.FromTimeSpan(TimeSpan.FromDays(2)) }, "wellness_break_after")).ResponseAsync);
        await Expect.InvalidField("policy.budgets[1].harm_category", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name,
            Budgets =
            {
                new ExposureBudget { HarmCategory = HarmCategory.AnimalCruelty, ItemsPerDay = 10 },
                new ExposureBudget { HarmCategory = HarmCategory.AnimalCruelty, ItemsPerDay = 20 },
            },
        }, "budgets")).ResponseAsync);
        await Expect.InvalidField("policy.budgets[0]", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name, Budgets = { new ExposureBudget { HarmCategory = HarmCategory.AnimalCruelty } },
        }, "budgets")).ResponseAsync);
        await Expect.InvalidField("policy.cool_down", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name, CoolDown = new Duration { Seconds = 60, Nanos = 2_000_000_000 },
        }, "cool_down")).ResponseAsync);
        await Expect.InvalidField("update_mask",
            () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy { Name = name }, "revision")).ResponseAsync);
        await Expect.InvalidField("reason", () => Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = new WellbeingPolicy { Name = name, MicroBreakAfter = 5 }, UpdateMask = new FieldMask { Paths = { "micro_break_after" } }, Actor = "specialists/lead-orla",
        }).ResponseAsync);

        await Expect.InvalidField("policy.queue_overrides[0].queue", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name, QueueOverrides = { new QueueWellbeingOverride { Queue = "priority", MaxConsecutiveHighHarm = 2 } },
        }, "queue_overrides")).ResponseAsync);
        await Expect.InvalidField("policy.queue_overrides[1].queue", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name,
            QueueOverrides =
            {
                new QueueWellbeingOverride { Queue = "queues/priority", MaxConsecutiveHighHarm = 2 },
                new QueueWellbeingOverride { Queue = "queues/priority", HighHarmCutOff = "14:00" },
            },
        }, "queue_overrides")).ResponseAsync);
        await Expect.InvalidField("policy.queue_overrides[0]", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name, QueueOverrides = { new QueueWellbeingOverride { Queue = "queues/priority" } },
        }, "queue_overrides")).ResponseAsync);
        await Expect.InvalidField("policy.queue_overrides[0].max_consecutive_high_harm", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name, QueueOverrides = { new QueueWellbeingOverride { Queue = "queues/priority", MaxConsecutiveHighHarm = 0 } },
        }, "queue_overrides")).ResponseAsync);
        await Expect.InvalidField("policy.queue_overrides[0].cool_down", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name, QueueOverrides = { new QueueWellbeingOverride { Queue = "queues/priority", CoolDown = Duration.FromTimeSpan(TimeSpan.FromDays(2)) } },
        }, "queue_overrides")).ResponseAsync);
        await Expect.InvalidField("policy.queue_overrides[0].budgets[0].items_per_day", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name,
            QueueOverrides = { new QueueWellbeingOverride { Queue = "queues/priority", Budgets = { new ExposureBudget { HarmCategory = HarmCategory.ChildSafety, ItemsPerDay = 0 } } } },
        }, "queue_overrides")).ResponseAsync);
        await Expect.InvalidField("policy.queue_overrides[0].high_harm_cut_off", () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name, QueueOverrides = { new QueueWellbeingOverride { Queue = "queues/priority", HighHarmCutOff = "25:00" } },
        }, "queue_overrides")).ResponseAsync);
        // An override for a queue that does not exist would hold nothing back: refused.
        var unknown = await Expect.Status(StatusCode.NotFound, () => Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name, QueueOverrides = { new QueueWellbeingOverride { Queue = "queues/nobody-has-this-queue", MaxConsecutiveHighHarm = 2 } },
        }, "queue_overrides")).ResponseAsync);
        Assert.Contains("queues/nobody-has-this-queue", unknown.Status.Detail, StringComparison.Ordinal);

        Assert.True((await Wellbeing.GetWellbeingPolicyAsync(new GetWellbeingPolicyRequest { Name = name })).IsDefault);

        // Fields the mask does not name are not read: broken budgets beside a cool-down change do not matter.
        var coolDown = await Wellbeing.UpdateWellbeingPolicyAsync(Change(new WellbeingPolicy
        {
            Name = name,
            CoolDown = Duration.FromTimeSpan(TimeSpan.FromMinutes(7)),
            Budgets = { new ExposureBudget { HarmCategory = HarmCategory.AnimalCruelty }, new ExposureBudget { HarmCategory = HarmCategory.AnimalCruelty } },
        }, "cool_down"));
        Assert.Equal((TimeSpan.FromMinutes(7), 1L), (coolDown.CoolDown.ToTimeSpan(), coolDown.Revision));
        Assert.Equal(5, coolDown.Budgets.Count);
        await Expect.Status(StatusCode.NotFound,
            () => Wellbeing.GetWellbeingPolicyAsync(new GetWellbeingPolicyRequest { Name = "teams/nobody-has-this-team/wellbeingPolicy" }).ResponseAsync);
        await Expect.InvalidField("name", () => Wellbeing.GetWellbeingPolicyAsync(new GetWellbeingPolicyRequest { Name = team.Name }).ResponseAsync);
    }
}
