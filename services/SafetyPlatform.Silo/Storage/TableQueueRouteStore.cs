using System.Collections.Immutable;
using System.Text.Json;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// The queue directory's routes in an Azure Table: one partition, one row per queue keyed by its
/// id. The column names are the stored format: never rename them.
/// </summary>
public sealed class TableQueueRouteStore(TableServiceClient service) : IQueueRouteStore
{
    public const string TableName = "QueueRoutes";

    private const string Partition = "routes";

    private readonly CreatedTable _table = new(service, TableName);

    public async Task<IReadOnlyList<QueueRoute>> ReadAll(CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var routes = new List<QueueRoute>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            routes.Add(new QueueRoute(
                row.RowKey,
                (HarmCategory)row.GetInt32("HarmCategory")!.Value,
                JsonSerializer.Deserialize<ImmutableArray<string>>(row.GetString("Languages")),
                (Proficiency)row.GetInt32("MinimumProficiency")!.Value,
                JsonSerializer.Deserialize<ImmutableArray<string>>(row.GetString("ServingTeams")),
                row.GetInt64("ExpectedHandleTicks") is { } ticks ? TimeSpan.FromTicks(ticks) : null,
                (FloorRole)(row.GetInt32("RequiredRole") ?? 0)));
        }

        return routes;
    }

    public async Task Save(QueueRoute route, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var row = new TableEntity(Partition, route.QueueId)
        {
            ["HarmCategory"] = (int)route.HarmCategory,
            ["Languages"] = JsonSerializer.Serialize(route.Languages),
            ["MinimumProficiency"] = (int)route.MinimumProficiency,
            ["ServingTeams"] = JsonSerializer.Serialize(route.ServingTeams),
        };
        if (route.ExpectedHandleTime is { } expected)
        {
            row["ExpectedHandleTicks"] = expected.Ticks;
        }

        if (route.RequiredRole != FloorRole.Unspecified)
        {
            row["RequiredRole"] = (int)route.RequiredRole;
        }

        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
