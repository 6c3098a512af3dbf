using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// Opt-outs and restrictions through the real gateway: a specialist asks, the lead approves, and
/// routing holds the category back from her from then on; a restriction holds until lifted; a
/// change its lifecycle does not allow is refused and changes nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PersonalWellbeingEndToEndTests(PlatformFixture fixture)
{
    private WellbeingService.WellbeingServiceClient Wellbeing => fixture.Connection.Wellbeing;

    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    private Task<WorkItem> Arrives(Queue queue, HarmCategory category) => WellbeingRoutingEndToEndTests.Arrives(Work, queue, category);

    private Task<WorkItem?> Next(Specialist specialist) => WellbeingRoutingEndToEndTests.Next(Work, specialist);

    private async Task<string> HeldBackBecause(Specialist specialist, Queue queue) =>
        Assert.Single((await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = specialist.Name, Queue = queue.Name })).Queues).Reason;

    private static string Personal(Specialist specialist) => specialist.Name + "/personalWellbeing";

    [Fact]
    public async Task An_approved_opt_out_holds_the_category_back_and_a_colleague_takes_it()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        await Wellbeing.RequestOptOutAsync(new RequestOptOutRequest { Name = Personal(aoife), HarmCategory = HarmCategory.AnimalCruelty, Reason = "my own pets" });
        var approved = await Wellbeing.DecideOptOutAsync(new DecideOptOutRequest
        {
            Name = Personal(aoife), HarmCategory = HarmCategory.AnimalCruelty, Approve = true, Actor = "specialists/lead-orla", Reason = "agreed at our 1-2-1",
        });
        var optOut = Assert.Single(approved.OptOuts);
        Assert.Equal((OptOutState.Approved, "specialists/lead-orla"), (optOut.State, optOut.Actor));

        var cruelty = await Arrives(queue, HarmCategory.AnimalCruelty);
        Assert.Null(await Next(aoife));
        Assert.Contains("OptOut", await HeldBackBecause(aoife, queue), StringComparison.Ordinal);
        var brid = await AvailableSpecialist(fixture.Connection, team, "Brid");
        Assert.Equal(cruelty.Name, (await Next(brid))!.Name);

        // Ended by the lead: the category reaches her again.
        await Wellbeing.WithdrawOptOutAsync(new WithdrawOptOutRequest { Name = Personal(aoife), HarmCategory = HarmCategory.AnimalCruelty, Actor = "specialists/lead-orla", Reason = "she asked" });
        var next = await Arrives(queue, HarmCategory.AnimalCruelty);
        Assert.Equal(next.Name, (await Next(aoife))!.Name);
    }

    [Fact]
    public async Task A_restriction_holds_until_it_is_lifted()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        await Wellbeing.RestrictHarmCategoryAsync(new RestrictHarmCategoryRequest
        {
            Name = Personal(aoife), HarmCategory = HarmCategory.SuicideSelfHarm, ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(14)),
            Actor = "teams/wellbeing", Reason = "after a hard week",
        });
        var selfHarm = await Arrives(queue, HarmCategory.SuicideSelfHarm);
        Assert.Null(await Next(aoife));
        Assert.Contains("Restriction", await HeldBackBecause(aoife, queue), StringComparison.Ordinal);

        await Wellbeing.LiftRestrictionAsync(new LiftRestrictionRequest { Name = Personal(aoife), HarmCategory = HarmCategory.SuicideSelfHarm, Actor = "teams/wellbeing", Reason = "reviewed" });
        Assert.Equal(selfHarm.Name, (await Next(aoife))!.Name);
    }

    [Fact]
    public async Task Changes_the_lifecycle_does_not_allow_and_bad_requests_are_refused_and_change_nothing()
    {
        var (team, _) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var never = await Expect.Status(StatusCode.FailedPrecondition, () => Wellbeing.DecideOptOutAsync(new DecideOptOutRequest
        {
            Name = Personal(aoife), HarmCategory = HarmCategory.ChildSafety, Approve = true, Actor = "specialists/lead-orla", Reason = "r",
        }).ResponseAsync);
        Assert.Contains("no opt-out", never.Status.Detail, StringComparison.Ordinal);
        await Expect.Status(StatusCode.FailedPrecondition, () => Wellbeing.LiftRestrictionAsync(new LiftRestrictionRequest
        {
            Name = Personal(aoife), HarmCategory = HarmCategory.ChildSafety, Actor = "specialists/lead-orla", Reason = "r",
        }).ResponseAsync);
        await Expect.InvalidField("expire_time", () => Wellbeing.RestrictHarmCategoryAsync(new RestrictHarmCategoryRequest
        {
            Name = Personal(aoife), HarmCategory = HarmCategory.ChildSafety, ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)), Actor = "a", Reason = "r",
        }).ResponseAsync);

        await Expect.InvalidField("harm_category", () => Wellbeing.RequestOptOutAsync(new RequestOptOutRequest { Name = Personal(aoife), Reason = "r" }).ResponseAsync);
        await Expect.InvalidField("expire_time", () => Wellbeing.RestrictHarmCategoryAsync(new RestrictHarmCategoryRequest
        {
            Name = Personal(aoife), HarmCategory = HarmCategory.ChildSafety, ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(91)), Actor = "a", Reason = "r",
        }).ResponseAsync);
        await Expect.InvalidField("name", () => Wellbeing.GetPersonalWellbeingAsync(new GetPersonalWellbeingRequest { Name = aoife.Name + "/exposure" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Wellbeing.GetPersonalWellbeingAsync(new GetPersonalWellbeingRequest { Name = "specialists/nobody-here/personalWellbeing" }).ResponseAsync);

        var after = await Wellbeing.GetPersonalWellbeingAsync(new GetPersonalWellbeingRequest { Name = Personal(aoife) });
        Assert.Empty(after.OptOuts);
        Assert.Empty(after.Restrictions);
    }

    [Fact]
    public async Task An_offer_carries_how_she_chose_to_see_its_category_else_her_teams_default_else_the_platforms()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var plain = new DisplayPreference { Blur = Blur.None };
        await Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = new WellbeingPolicy { Name = team.Name + "/wellbeingPolicy", DisplayDefaults = { new CategoryDisplay { HarmCategory = HarmCategory.HateSpeech, Display = plain } } },
            UpdateMask = new FieldMask { Paths = { "display_defaults" } },
            Reason = "text-only hate speech here",
            Actor = "specialists/lead-orla",
        });
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");

        async Task<DisplayPreference> Shown(HarmCategory category)
        {
            var item = await Arrives(queue, category);
            var offer = (await Next(aoife))!;
            Assert.Equal(item.Name, offer.Name);
            await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name });
            await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "no action" } });
            return offer.Display;
        }

        Assert.Equal(plain, await Shown(HarmCategory.HateSpeech));
        Assert.Equal(new DisplayPreference { Blur = Blur.Strong, Greyscale = true, Muted = true, WarningScreen = true }, await Shown(HarmCategory.AnimalCruelty));

        var hers = new DisplayPreference { Blur = Blur.Light, WarningScreen = true };
        var set = await Wellbeing.SetDisplayPreferenceAsync(new SetDisplayPreferenceRequest { Name = Personal(aoife), HarmCategory = HarmCategory.HateSpeech, Display = hers });
        Assert.Equal(hers, Assert.Single(set.DisplayPreferences).Display);
        Assert.Equal(hers, await Shown(HarmCategory.HateSpeech));

        await Wellbeing.SetDisplayPreferenceAsync(new SetDisplayPreferenceRequest { Name = Personal(aoife), HarmCategory = HarmCategory.HateSpeech });
        Assert.Equal(plain, await Shown(HarmCategory.HateSpeech));

        await Expect.InvalidField("display.blur", () => Wellbeing.SetDisplayPreferenceAsync(new SetDisplayPreferenceRequest
        {
            Name = Personal(aoife), HarmCategory = HarmCategory.HateSpeech, Display = new DisplayPreference(),
        }).ResponseAsync);
    }
}
