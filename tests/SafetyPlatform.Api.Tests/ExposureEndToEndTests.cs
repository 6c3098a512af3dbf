using Grpc.Core;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Client;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>A specialist's exposure read through the real gateway, as they, their lead or the wellbeing team would.</summary>
[Collection(PlatformCollection.Name)]
public class ExposureEndToEndTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_specialists_exposure_counts_the_items_she_handled_and_the_one_in_her_hands()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        await Handle(fixture.Connection, queue, aoife, complete: true);
        await Handle(fixture.Connection, queue, aoife, complete: false);

        var exposure = await fixture.Connection.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = aoife.Name + "/exposure" });

        Assert.Equal(aoife.Name + "/exposure", exposure.Name);
        Assert.Equal(1, exposure.ItemsInHand);
        Assert.NotNull(exposure.ShiftStartTime);
        var hate = Assert.Single(exposure.Categories);
        Assert.Equal((HarmCategory.HateSpeech, HarmSeverity.Medium), (hate.HarmCategory, hate.Severity));
        Assert.Equal(2, hate.Today.Items);
        Assert.Equal(2, hate.ThisShift.Items);
        Assert.Equal(2, exposure.LastSevenDays.Items);
        Assert.True(hate.Today.HandlingTime.ToTimeSpan() > TimeSpan.Zero);
        // Hate speech weighs 1: the weighted minutes are the minutes.
        Assert.Equal(hate.Today.HandlingTime.ToTimeSpan().TotalMinutes, hate.Today.WeightedMinutes, 6);
    }

    [Fact]
    public async Task Asking_for_the_exposure_of_nobody_or_by_a_wrong_name_is_refused()
    {
        await Expect.Status(StatusCode.NotFound,
            () => fixture.Connection.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = "specialists/nobody-has-this-name/exposure" }).ResponseAsync);
        await Expect.InvalidField("name", () => fixture.Connection.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = "specialists/aoife" }).ResponseAsync);
        await Expect.InvalidField("name", () => fixture.Connection.Wellbeing.GetExposureAsync(new GetExposureRequest()).ResponseAsync);
    }

    /// <summary>Enqueues an item, and has the specialist take it and, when asked, complete it.</summary>
    internal static async Task Handle(SafetyConnection connection, Queue queue, Specialist specialist, bool complete)
    {
        await connection.Work.EnqueueWorkItemAsync(Report(queue, Unique("item")));
        var offer = (await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = specialist.Name })).WorkItem;
        await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = specialist.Name });
        if (complete)
        {
            await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest
            {
                Name = offer.Name, Specialist = specialist.Name, Outcome = new Outcome { Decision = "remove", Policy = "HS-2" },
            });
        }
    }
}

/// <summary>A platform of its own, because it kills its silo: exposure acknowledged before survives it.</summary>
public sealed class ExposureDurabilityTests : OwnPlatform
{
    [Fact]
    public async Task A_killed_silo_loses_no_exposure()
    {
        using var connection = Platform.Connect();
        var (team, queue) = await NewFloor(connection);
        var aoife = await AvailableSpecialist(connection, team, "Aoife");
        await ExposureEndToEndTests.Handle(connection, queue, aoife, complete: true);
        await ExposureEndToEndTests.Handle(connection, queue, aoife, complete: true);
        await ExposureEndToEndTests.Handle(connection, queue, aoife, complete: false);
        var before = await connection.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = aoife.Name + "/exposure" });

        await Platform.KillSilo();
        await Platform.StartSiloAgain();

        var after = await connection.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = aoife.Name + "/exposure" });
        Assert.Equal(1, after.ItemsInHand);
        Assert.Equal(3, after.Today.Items);
        // The two finished items count the same; the one in hand has run on since.
        Assert.True(after.Today.HandlingTime.ToTimeSpan() >= before.Today.HandlingTime.ToTimeSpan());
        Assert.Equal(before.ShiftStartTime, after.ShiftStartTime);
    }
}
