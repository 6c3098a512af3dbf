using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Grains.Monitoring;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Specialists' closed days in two Azure Tables: <c>SpecialistDays</c>, one partition per
/// specialist and one row per day (`2026-11-25`), and <c>TeamDays</c>, the same rows again under
/// the team the specialist was in when the day closed (`2026-11-25_{specialist}`; a key cannot hold a slash), so a team's
/// days are one range of one partition. Rows are added, never replaced: the first copy of a day
/// stays. The column names are the stored format: never rename them.
/// </summary>
public sealed class TableSpecialistDayStore(TableServiceClient service) : ISpecialistDayStore
{
    public const string SpecialistTableName = "SpecialistDays";

    public const string TeamTableName = "TeamDays";

    private const string DayFormat = "yyyy-MM-dd";

    private static readonly ActivityState[] States = [.. Enum.GetValues<ActivityState>().Where(s => s != ActivityState.Unspecified)];

    private readonly CreatedTable _specialists = new(service, SpecialistTableName);
    private readonly CreatedTable _teams = new(service, TeamTableName);

    public async Task Save(string specialistId, string teamId, IReadOnlyList<SpecialistDayRecord> days, CancellationToken cancellationToken = default)
    {
        var specialists = await _specialists.Get().ConfigureAwait(false);
        var teams = await _teams.Get().ConfigureAwait(false);
        foreach (var day in days)
        {
            // The team's copy first: a crash between the two adds the specialist's row next time, and the team's copy is kept.
            await AddOnce(teams, Row(teamId, $"{Key(day.Day)}_{specialistId}", day, "Specialist", specialistId), cancellationToken).ConfigureAwait(false);
            await AddOnce(specialists, Row(specialistId, Key(day.Day), day, "Team", teamId), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<SpecialistDayRecord>> ReadSpecialist(string specialistId, DateOnly from, DateOnly to, int take, CancellationToken cancellationToken = default)
    {
        var table = await _specialists.Get().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {specialistId} and RowKey ge {Key(from)} and RowKey lt {Key(to)}");
        var found = new List<SpecialistDayRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(Day(row));
            if (found.Count == take)
            {
                break;
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<SpecialistDayRecord>> ReadTeam(string teamId, DateOnly from, DateOnly to, int days, CancellationToken cancellationToken = default)
    {
        var table = await _teams.Get().ConfigureAwait(false);
        // Every row of a day sorts before the next day's: `2026-11-25_…` < `2026-11-26`.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {teamId} and RowKey ge {Key(from)} and RowKey lt {Key(to)}");
        var found = new List<SpecialistDayRecord>();
        var daysFound = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var day = Day(row);
            if (found.Count == 0 || found[^1].Day != day.Day)
            {
                if (daysFound == days)
                {
                    break;
                }

                daysFound++;
            }

            found.Add(day);
        }

        return found;
    }

    public async Task DeleteBefore(string specialistId, DateOnly before, CancellationToken cancellationToken = default)
    {
        var specialists = await _specialists.Get().ConfigureAwait(false);
        var teams = await _teams.Get().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {specialistId} and RowKey lt {Key(before)}");
        await foreach (var row in specialists.QueryAsync<TableEntity>(filter, select: ["RowKey", "Team"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await teams.DeleteEntityAsync(row.GetString("Team"), $"{row.RowKey}_{specialistId}", ETag.All, cancellationToken).ConfigureAwait(false);
            await specialists.DeleteEntityAsync(specialistId, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task AddOnce(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Stored before: the first copy stands.
        }
    }

    private static string Key(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static TableEntity Row(string partitionKey, string rowKey, SpecialistDayRecord day, string otherColumn, string otherId)
    {
        var row = new TableEntity(partitionKey, rowKey)
        {
            [otherColumn] = otherId,
            ["Day"] = Key(day.Day),
            ["State"] = day.State.ToString(),
            ["Since"] = day.Since,
            ["Offers"] = day.Offers,
            ["Rejected"] = day.Rejected,
            ["Expired"] = day.Expired,
            ["Handled"] = day.Handled,
            ["CompletedWithinSla"] = day.CompletedWithinSla,
            ["HandleTimeTicks"] = day.HandleTime.Ticks,
            ["Escalated"] = day.Escalated,
            ["Released"] = day.Released,
        };
        foreach (var state in States)
        {
            row[$"{state}Ticks"] = day.TimeIn.GetValueOrDefault(state).Ticks;
        }

        return row.WithQuality(day.Quality);
    }

    private static SpecialistDayRecord Day(TableEntity row) => new(
        DateOnly.ParseExact(row.GetString("Day"), DayFormat, CultureInfo.InvariantCulture),
        Enum.Parse<ActivityState>(row.GetString("State")),
        row.GetDateTimeOffset("Since")!.Value,
        row.GetInt32("Offers") ?? 0,
        row.GetInt32("Rejected") ?? 0,
        row.GetInt32("Expired") ?? 0,
        row.GetInt32("Handled") ?? 0,
        row.GetInt32("CompletedWithinSla") ?? 0,
        TimeSpan.FromTicks(row.GetInt64("HandleTimeTicks") ?? 0),
        row.GetInt32("Escalated") ?? 0,
        row.GetInt32("Released") ?? 0,
        States.Select(s => (State: s, Ticks: row.GetInt64($"{s}Ticks") ?? 0)).Where(t => t.Ticks > 0)
            .ToDictionary(t => t.State, t => TimeSpan.FromTicks(t.Ticks)),
        row.Quality());
}
