using Grpc.Core;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>The lead's view of her team's wellbeing through the real gateway: who is near a limit, and the breaks they took.</summary>
[Collection(PlatformCollection.Name)]
public class TeamWellbeingEndToEndTests(PlatformFixture fixture)
{
    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    [Fact]
    public async Task The_lead_sees_who_is_near_a_budget_and_whose_break_was_cut_short()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        // Five child-safety items a shift.
        await fixture.Connection.Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = new WellbeingPolicy
            {
                Name = team.Name + "/wellbeingPolicy",
                Budgets = { new ExposureBudget { HarmCategory = HarmCategory.ChildSafety, ItemsPerShift = 5 } },
            },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "budgets" } },
            Reason = "test",
            Actor = "specialists/lead-orla",
        });
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var brid = await AvailableSpecialist(fixture.Connection, team, "Brid");

        // Aoife handles four: 4 of 5 is 80 %.
        for (var i = 0; i < 4; i++)
        {
            var item = await WellbeingRoutingEndToEndTests.Arrives(Work, queue, HarmCategory.ChildSafety);
            Assert.Equal(item.Name, (await WellbeingRoutingEndToEndTests.Next(Work, aoife))!.Name);
            await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = aoife.Name });
            await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" } });
        }

        // Bríd steps into a wellness break and straight out: shorter than its minute, it does not count.
        await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = brid.Name, ActivityState = ActivityState.WellnessBreak });
        await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = brid.Name, ActivityState = ActivityState.Available });

        var view = await fixture.Connection.Wellbeing.ListTeamWellbeingAsync(new ListTeamWellbeingRequest { Parent = team.Name });
        var (ofAoife, ofBrid) = (Assert.Single(view.Members, m => m.Specialist == aoife.Name), Assert.Single(view.Members, m => m.Specialist == brid.Name));
        Assert.True(ofAoife.NearLimit);
        Assert.Equal(("ChildSafety items this shift", 4.0, 5.0, 0.8), (ofAoife.Limits[0].Limit, ofAoife.Limits[0].Used, ofAoife.Limits[0].Allowed, ofAoife.Limits[0].Share));
        Assert.Equal(4, ofAoife.Today.Items);
        Assert.False(ofBrid.NearLimit);
        Assert.Equal((0, 1), (ofBrid.WellnessBreaksTaken, ofBrid.WellnessBreaksCutShort));

        // One a page: the token carries on to the next member.
        var first = await fixture.Connection.Wellbeing.ListTeamWellbeingAsync(new ListTeamWellbeingRequest { Parent = team.Name, PageSize = 1 });
        var second = await fixture.Connection.Wellbeing.ListTeamWellbeingAsync(new ListTeamWellbeingRequest { Parent = team.Name, PageSize = 1, PageToken = first.NextPageToken });
        Assert.Equal(new[] { aoife.Name, brid.Name }.Order(StringComparer.Ordinal), [first.Members[0].Specialist, second.Members[0].Specialist]);
        Assert.Empty(second.NextPageToken);

        await Expect.InvalidField("parent", () => fixture.Connection.Wellbeing.ListTeamWellbeingAsync(new ListTeamWellbeingRequest { Parent = "teams/Bad Name" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => fixture.Connection.Wellbeing.ListTeamWellbeingAsync(new ListTeamWellbeingRequest { Parent = "teams/nobody-has-this-team" }).ResponseAsync);
    }
}
