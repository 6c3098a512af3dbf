using System.Globalization;
using Azure.Data.Tables;
using Grpc.Core;
using SafetyPlatform.Api.Monitoring.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// Specialists' and teams' history of closed days, through the gateway on real Azurite. A day
/// closes at the team's local midnight, which a test cannot wait for: the desk's closing of a
/// day is tested on a fake clock (the grain tests); here earlier days are written into the
/// tables in the stored format, as the desk writes them, and read back through the API.
/// </summary>
[Collection(PlatformCollection.Name)]
public class StatsHistoryEndToEndTests(PlatformFixture fixture)
{
    private MonitoringService.MonitoringServiceClient Monitoring => fixture.Connection.Monitoring;

    [Fact]
    public async Task Closed_days_read_with_their_numbers_page_by_page_the_same_every_time_and_the_team_sums_its_members()
    {
        var (team, _) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var bram = await AvailableSpecialist(fixture.Connection, team, "Bram");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin")).DateTime);
        var (earlier, later) = (today.AddDays(-3), today.AddDays(-2));
        // Aoife, the earlier day: 4 items in 40 minutes, all in time; 1 h available, 1 h handling.
        await StoreClosedDay(team, aoife, earlier, handled: 4, withinSla: 4, handleMinutes: 40, availableHours: 1, handlingHours: 1, breakHours: 0);
        // The later day. Aoife: 20 items in 200 minutes, 18 in time; logged in 8 h, 5 h of it handling.
        // Bram: 10 items in 160 minutes, 6 in time; logged in 4 h, 3 h of it handling.
        await StoreClosedDay(team, aoife, later, handled: 20, withinSla: 18, handleMinutes: 200, availableHours: 2, handlingHours: 5, breakHours: 1);
        await StoreClosedDay(team, bram, later, handled: 10, withinSla: 6, handleMinutes: 160, availableHours: 1, handlingHours: 3, breakHours: 0);

        var first = await Monitoring.ListSpecialistStatsHistoryAsync(new ListSpecialistStatsHistoryRequest { Parent = aoife.Name + "/stats", PageSize = 1 });
        var second = await Monitoring.ListSpecialistStatsHistoryAsync(new ListSpecialistStatsHistoryRequest
        {
            Parent = aoife.Name + "/stats", PageSize = 1, PageToken = first.NextPageToken,
        });

        var earlierDay = Assert.Single(first.Days);
        Assert.Equal((Day(earlier), 1, 4, 1.0), (earlierDay.Day, earlierDay.Specialists, earlierDay.Handled, earlierDay.SlaAttainment));
        Assert.Equal(TimeSpan.FromMinutes(10), earlierDay.AverageHandleTime.ToTimeSpan());
        Assert.Equal(0.5, earlierDay.Occupancy);                      // 1 h handling of 2 h logged in
        var laterDay = Assert.Single(second.Days);
        Assert.Empty(second.NextPageToken);
        Assert.Equal((Day(later), 20, 0.9), (laterDay.Day, laterDay.Handled, laterDay.SlaAttainment));
        Assert.Equal(TimeSpan.FromHours(8), laterDay.LoggedInTime.ToTimeSpan());
        Assert.Equal(5.0 / 8, laterDay.Occupancy);
        Assert.Equal(7.0 / 8, laterDay.Utilisation);
        Assert.Equal([ActivityState.Available, ActivityState.Handling, ActivityState.Break, ActivityState.Offline],
            laterDay.TimeInState.Select(t => t.ActivityState));

        var teamDays = await Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = team.Name + "/stats" });
        Assert.Equal([Day(earlier), Day(later)], teamDays.Days.Select(d => d.Day));
        var teamLater = teamDays.Days[1];
        Assert.Equal((2, 30, 24, 0.8), (teamLater.Specialists, teamLater.Handled, teamLater.CompletedWithinSla, teamLater.SlaAttainment));
        Assert.Equal(TimeSpan.FromMinutes(12), teamLater.AverageHandleTime.ToTimeSpan());   // 360 min / 30 items
        Assert.Equal(8.0 / 12, teamLater.Occupancy, 10);                            // (5 + 3) h / (8 + 4) h

        // Read again: the same days, the same numbers.
        Assert.Equal(teamDays, await Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = team.Name + "/stats" }));
        Assert.Equal(first, await Monitoring.ListSpecialistStatsHistoryAsync(new ListSpecialistStatsHistoryRequest { Parent = aoife.Name + "/stats", PageSize = 1 }));
        // A range: only the later day.
        var range = await Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = team.Name + "/stats", StartDay = Day(later) });
        Assert.Equal([Day(later)], range.Days.Select(d => d.Day));
    }

    [Fact]
    public async Task Today_is_not_listed_until_it_has_closed()
    {
        var (team, _) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");

        Assert.Empty((await Monitoring.ListSpecialistStatsHistoryAsync(new ListSpecialistStatsHistoryRequest { Parent = aoife.Name + "/stats" })).Days);
        Assert.Empty((await Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = team.Name + "/stats" })).Days);
    }

    [Fact]
    public async Task Bad_history_requests_name_the_field_and_unknown_ones_are_not_found()
    {
        var (team, _) = await NewFloor(fixture.Connection);
        var parent = team.Name + "/stats";

        await Expect.InvalidField("parent", () => Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = team.Name }).ResponseAsync);
        await Expect.InvalidField("parent", () => Monitoring.ListSpecialistStatsHistoryAsync(new ListSpecialistStatsHistoryRequest { Parent = parent }).ResponseAsync);
        await Expect.InvalidField("start_day", () => Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = parent, StartDay = "2026-13-01" }).ResponseAsync);
        await Expect.InvalidField("end_day", () => Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = parent, EndDay = "yesterday" }).ResponseAsync);
        await Expect.InvalidField("start_day", () => Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest
        {
            Parent = parent, StartDay = "2026-11-20", EndDay = "2026-11-20",
        }).ResponseAsync);
        await Expect.InvalidField("page_size", () => Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = parent, PageSize = 101 }).ResponseAsync);
        await Expect.InvalidField("page_token", () => Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = parent, PageToken = "not-a-token" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Monitoring.ListTeamStatsHistoryAsync(new ListTeamStatsHistoryRequest { Parent = "teams/no-such-team-here/stats" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound,
            () => Monitoring.ListSpecialistStatsHistoryAsync(new ListSpecialistStatsHistoryRequest { Parent = "specialists/no-such-specialist/stats" }).ResponseAsync);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A closed day as the desk stores it: a row under the specialist and one under their team (TableSpecialistDayStore's format).</summary>
    private async Task StoreClosedDay(Team team, Specialist specialist, DateOnly day, int handled, int withinSla, int handleMinutes,
        double availableHours, double handlingHours, double breakHours)
    {
        var (teamId, specialistId) = (team.Name["teams/".Length..], specialist.Name["specialists/".Length..]);
        var service = new TableServiceClient(fixture.Platform.StorageConnectionString);
        TableEntity Row(string partition, string row) => new(partition, row)
        {
            ["Day"] = Day(day),
            ["State"] = "Offline",
            ["Since"] = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            ["Offers"] = handled,
            ["Rejected"] = 0,
            ["Expired"] = 0,
            ["Handled"] = handled,
            ["CompletedWithinSla"] = withinSla,
            ["HandleTimeTicks"] = TimeSpan.FromMinutes(handleMinutes).Ticks,
            ["Escalated"] = 0,
            ["Released"] = 0,
            ["AvailableTicks"] = TimeSpan.FromHours(availableHours).Ticks,
            ["HandlingTicks"] = TimeSpan.FromHours(handlingHours).Ticks,
            ["BreakTicks"] = TimeSpan.FromHours(breakHours).Ticks,
            ["OfflineTicks"] = TimeSpan.FromHours(24 - availableHours - handlingHours - breakHours).Ticks,
        };

        var teams = service.GetTableClient("TeamDays");
        await teams.CreateIfNotExistsAsync();
        var teamRow = Row(teamId, $"{Day(day)}_{specialistId}");
        teamRow["Specialist"] = specialistId;
        await teams.AddEntityAsync(teamRow);
        var specialists = service.GetTableClient("SpecialistDays");
        await specialists.CreateIfNotExistsAsync();
        var specialistRow = Row(specialistId, Day(day));
        specialistRow["Team"] = teamId;
        await specialists.AddEntityAsync(specialistRow);
    }
}
