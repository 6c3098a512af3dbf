using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class GrainReferencesTests(ClusterFixture fixture)
{
    [Fact]
    public void A_cached_reference_names_the_same_grain_and_interface_as_the_factory_would()
    {
        foreach (var key in new[] { "team-a", "team-b", "x" })
        {
            var expected = (GrainReference)fixture.Grains.GetGrain<ITeamGrain>(key);
            var actual = (GrainReference)fixture.Grains.Reference<ITeamGrain>(key);
            Assert.Equal(expected.GrainId, actual.GrainId);
            Assert.Equal(expected.InterfaceType, actual.InterfaceType);
        }

        // Each interface keeps its own mapping.
        Assert.Equal(fixture.Grains.GetGrain<IQueueGrain>("q").GetGrainId(), fixture.Grains.Reference<IQueueGrain>("q").GetGrainId());
        Assert.Equal(fixture.Grains.GetGrain<ISpecialistDeskGrain>("s").GetGrainId(), fixture.Grains.Reference<ISpecialistDeskGrain>("s").GetGrainId());
        Assert.NotEqual(fixture.Grains.Reference<ISpecialistDeskGrain>("s").GetGrainId(), fixture.Grains.Reference<ISpecialistGrain>("s").GetGrainId());
    }

    [Fact]
    public async Task A_cached_reference_reaches_the_grain()
    {
        var id = $"team-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<ITeamGrain>(id).Create(new TeamProfile("Self-harm EN", string.Empty, "Dublin", string.Empty, "Europe/Dublin"), string.Empty);

        Assert.Equal("Self-harm EN", (await fixture.Grains.Reference<ITeamGrain>(id).Get()).Profile.DisplayName);
    }
}
