using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Silo.Api;

namespace SafetyPlatform.Silo.Tests;

public class RosterChangesTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static TeamView Team(long version) =>
        new("dub", new TeamProfile("Hate speech EN", string.Empty, "Dublin", string.Empty, "Europe/Dublin"), 0, Nine, Nine, version);

    private static SpecialistView Member(string id, long version, ActivityState state = ActivityState.Offline, bool deactivated = false) =>
        new(id, "dub", new SpecialistProfile(id, FloorRole.Specialist, [], [], 1, string.Empty, string.Empty),
            state, Nine, deactivated ? Nine : null, Nine, Nine, version);

    private static TeamRosterSnapshot Roster(long version, TeamView team, params SpecialistView[] members) =>
        new(Guid.Empty, version, team, [.. members]);

    [Fact]
    public void The_first_message_is_a_snapshot_of_the_team_and_its_active_members()
    {
        var message = RosterChanges.Between(null, Roster(1, Team(1), Member("aoife", 1), Member("bram", 3, deactivated: true)), Nine)!;

        Assert.True(message.Snapshot);
        Assert.Equal("teams/dub", message.Team.Name);
        Assert.Equal("specialists/aoife", Assert.Single(message.Specialists).Name);
    }

    [Fact]
    public void A_later_message_carries_only_the_changed_members()
    {
        var before = Roster(1, Team(1), Member("aoife", 1), Member("bram", 1));
        var after = Roster(2, Team(1), Member("aoife", 2, ActivityState.Available), Member("bram", 1));

        var message = RosterChanges.Between(before, after, Nine)!;

        Assert.False(message.Snapshot);
        Assert.Null(message.Team);
        var changed = Assert.Single(message.Specialists);
        Assert.Equal(global::SafetyPlatform.Api.Roster.V1.ActivityState.Available, changed.ActivityState);
        Assert.Empty(message.DepartedSpecialists);
    }

    [Fact]
    public void Members_who_leave_or_are_deactivated_are_named_as_departed()
    {
        var before = Roster(1, Team(1), Member("aoife", 1), Member("bram", 1), Member("chiara", 1));
        var after = Roster(3, Team(1), Member("aoife", 1), Member("chiara", 2, deactivated: true), Member("dara", 1));

        var message = RosterChanges.Between(before, after, Nine)!;

        Assert.Equal(["specialists/bram", "specialists/chiara"], message.DepartedSpecialists.Order(StringComparer.Ordinal));
        Assert.Equal("specialists/dara", Assert.Single(message.Specialists).Name);
    }

    [Fact]
    public void A_team_change_is_sent_and_an_invisible_change_sends_nothing()
    {
        var before = Roster(1, Team(1), Member("aoife", 1));

        Assert.NotNull(RosterChanges.Between(before, Roster(2, Team(2), Member("aoife", 1)), Nine)!.Team);
        Assert.Null(RosterChanges.Between(before, Roster(2, Team(1), Member("aoife", 1)), Nine));
    }
}
