using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Targets;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using SafetyPlatform.Grains.Abstractions.Targets;
using SafetyPlatform.Grains.Abstractions.Work;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Tests;

/// <summary>
/// A target's period ends on the fake clock (a day cannot pass in an end-to-end test): a missed
/// target is alerted to the team lead once, and only once.
/// </summary>
[Collection(ClusterCollection.Name)]
public class TargetsGrainTests(ClusterFixture fixture)
{
    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task A_target_missed_when_its_day_ends_is_alerted_to_the_lead_once()
    {
        var teamId = NewId("team");
        await fixture.Grains.GetGrain<ITeamGrain>(teamId).Create(new TeamProfile("Hate speech EN", string.Empty, "Dublin", string.Empty, "UTC"), string.Empty);
        var specialistId = NewId("s");
        await fixture.Grains.GetGrain<ISpecialistGrain>(specialistId).Create(teamId, new SpecialistProfile("Aoife", FloorRole.Specialist,
            [new PolicySkill(HarmCategory.HateSpeech, Proficiency.Expert)], [new LanguageSkill("en", Proficiency.Expert)], 1, "Dublin", string.Empty), string.Empty);
        var today = DateOnly.FromDateTime(ClusterFixture.Time.GetUtcNow().UtcDateTime);

        // Accuracy at least 0.9 today; one audit today disagrees: accuracy 0, off track.
        var targets = fixture.Grains.GetGrain<ITargetsGrain>("specialists/" + specialistId);
        await targets.Create(new Target("accuracy", TargetMetric.Accuracy, 0.9, null, today, today), "set-1");
        await fixture.Grains.GetGrain<ISpecialistDeskGrain>(specialistId).QualityFound(QualityTally.OfAudit(false, 40));
        var during = await targets.Get("accuracy");
        Assert.Equal((0.0, TargetStatus.OffTrack), (during.Value, during.Status));
        Assert.Equal(0, await targets.CheckEnded());

        // The next day: the period is over, the day is history, the target is missed and alerted; looking again alerts nothing more.
        ClusterFixture.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await targets.CheckEnded());
        Assert.Equal(0, await targets.CheckEnded());
        var after = await targets.Get("accuracy");
        Assert.Equal((0.0, TargetStatus.Missed), (after.Value, after.Status));

        var feed = await fixture.Grains.GetGrain<IAlertFeedGrain>(teamId).Watch(Guid.NewGuid(), 0, TimeSpan.Zero);
        var alert = Assert.Single(feed.Alerts, a => a.Kind == AlertKind.TargetMissed);
        Assert.Equal($"specialists/{specialistId}/targets/accuracy", alert.Subject);
    }
}
