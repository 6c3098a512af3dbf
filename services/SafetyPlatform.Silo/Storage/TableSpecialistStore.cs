using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Orleans.Serialization;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Specialists in an Azure Table: one partition per specialist, holding the row `state` (the
/// grain's state, Orleans-serialized) and one row `h{sequence}` per activity transition. A
/// change and its transition are one entity-group transaction, so they land together or not at
/// all, in one round trip.
/// </summary>
public sealed class TableSpecialistStore(TableServiceClient service, Serializer serializer) : ISpecialistStore
{
    public const string TableName = "Specialists";
    private const string StateRow = "state";

    private readonly CreatedTable _table = new(service, TableName);

    public async Task<(SpecialistState? State, string? ETag)> Load(string specialistId, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(specialistId, StateRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is null)
        {
            return (null, null);
        }

        var state = serializer.Deserialize<SpecialistState>(row.Value.GetBinary("Data"));
        return (state, row.Value.ETag.ToString());
    }

    public async Task<string> Save(string specialistId, SpecialistState state, ActivityTransitionRecord? transition, string? etag, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var stateEntity = new TableEntity(specialistId, StateRow) { ["Data"] = serializer.SerializeToArray(state) };
        var actions = new List<TableTransactionAction>
        {
            etag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, stateEntity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateEntity, new ETag(etag)),
        };
        if (transition is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(specialistId, HistoryRow(transition.Sequence))
            {
                ["From"] = (int)transition.From,
                ["To"] = (int)transition.To,
                ["At"] = transition.At,
                ["Actor"] = transition.Actor,
                ["Reason"] = transition.Reason,
            }));
        }

        var responses = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        return responses.Value[0].Headers.ETag?.ToString()
            ?? throw new InvalidOperationException($"storage returned no version for specialist {specialistId}");
    }

    public async Task<IReadOnlyList<ActivityTransitionRecord>> ReadHistory(
        string specialistId, long afterSequence, long upToSequence, int max, CancellationToken cancellationToken = default)
    {
        var records = new List<ActivityTransitionRecord>();
        if (upToSequence <= afterSequence || max <= 0)
        {
            return records;
        }

        var table = await _table.Get().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {specialistId} and RowKey gt {HistoryRow(afterSequence)} and RowKey le {HistoryRow(upToSequence)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(new ActivityTransitionRecord(
                long.Parse(row.RowKey[1..], CultureInfo.InvariantCulture),
                (ActivityState)(row.GetInt32("From") ?? 0),
                (ActivityState)(row.GetInt32("To") ?? 0),
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetString("Actor") ?? string.Empty,
                row.GetString("Reason") ?? string.Empty));
            if (records.Count == max)
            {
                break;
            }
        }

        return records;
    }

    private static string HistoryRow(long sequence) => "h" + sequence.ToString("D19", CultureInfo.InvariantCulture);
}
