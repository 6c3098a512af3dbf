using Azure;
using Azure.Data.Tables;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.AuditLog.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Security;
using SafetyPlatform.Silo.Security;

namespace SafetyPlatform.Silo.Api;

/// <summary>Reads and checks the audit log that <see cref="AuditTrail"/> writes (every silo's chain).</summary>
public sealed class AuditLogApi(TableServiceClient tables, AuditKey key) : AuditLogService.AuditLogServiceBase
{
    private const string ListName = "auditEntries";
    private const int MaxBlocksPerPage = 500;
    private readonly TableClient _table = tables.GetTableClient(AuditTable.Name);

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var start = request.StartTime is null ? null : ProtoTimes.AsTime(request.StartTime);
        var end = request.EndTime is null ? null : ProtoTimes.AsTime(request.EndTime);
        var after = string.Empty;
        AuditPosition? position = null;
        new FieldCheck()
            .PageSize(request.PageSize, out var pageSize)
            .Require(request.PageToken.Length == 0 || PageTokens.TryDecode(request.PageToken, ListName, out after) && AuditPosition.TryParse(after, out position), "page_token", "is not a token from this list")
            .Require(request.StartTime is null || start is not null, "start_time", "is not a valid timestamp")
            .Require(request.EndTime is null || end is not null, "end_time", "is not a valid timestamp")
            .Require(start is null || end is null || start < end, "end_time", "must be after start_time")
            .ThrowIfAny();

        // Blocks are filtered by time in the store; caller and resource are read from each block's entries.
        var filter = TableClient.CreateQueryFilter($"RowKey ne {AuditTable.HeadRow}");
        if (position is { } from)
        {
            filter += " and " + TableClient.CreateQueryFilter($"((PartitionKey eq {from.Chain} and Last gt {from.Sequence}) or PartitionKey gt {from.Chain})");
        }

        if (start is { } since)
        {
            filter += " and " + TableClient.CreateQueryFilter($"TimeTo ge {since}");
        }

        if (end is { } until)
        {
            filter += " and " + TableClient.CreateQueryFilter($"TimeFrom lt {until}");
        }

        var response = new ListAuditEntriesResponse();
        var scanned = 0;
        try
        {
            await foreach (var block in _table.QueryAsync<TableEntity>(filter, cancellationToken: context.CancellationToken))
            {
                foreach (var entry in AuditTable.Entries(block))
                {
                    if ((position is { } p && entry.Chain == p.Chain && entry.Sequence <= p.Sequence)
                        || (request.Caller.Length > 0 && entry.Caller != request.Caller)
                        || (request.Resource.Length > 0 && entry.Resource != request.Resource)
                        || (start is { } s && entry.Time < s) || (end is { } e && entry.Time >= e))
                    {
                        continue;
                    }

                    response.Entries.Add(ToProto(entry));
                    if (response.Entries.Count == pageSize)
                    {
                        response.NextPageToken = PageTokens.Encode(ListName, new AuditPosition(entry.Chain, entry.Sequence).ToString());
                        return response;
                    }
                }

                // A page reads a bounded part of the log; a sparse match goes on from where it stopped.
                if (++scanned == MaxBlocksPerPage)
                {
                    response.NextPageToken = PageTokens.Encode(ListName, new AuditPosition(block.PartitionKey, block.GetInt64("Last") ?? 0).ToString());
                    return response;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing has been audited yet: the table does not exist.
        }

        return response;
    }

    public override async Task<VerifyAuditLogResponse> VerifyAuditLog(VerifyAuditLogRequest request, ServerCallContext context)
    {
        var response = new VerifyAuditLogResponse { Intact = true };
        // One scan in key order: a chain's entry rows, then its head. A transaction stores entries and
        // head together and keys only grow, so a scan never sees a head short of the entries before it;
        // a chain without a head, or with rows past it, has been tampered with.
        var filter = request.Chain.Length > 0 ? TableClient.CreateQueryFilter($"PartitionKey eq {request.Chain}") : null;
        string? chain = null;
        var entries = new List<AuditRecord>();
        var head = AuditChainHead.Start;
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: context.CancellationToken))
            {
                if (row.PartitionKey != chain)
                {
                    Check(response, chain, entries, head, key.Bytes);
                    (chain, entries, head) = (row.PartitionKey, [], AuditChainHead.Start);
                }

                if (row.RowKey == AuditTable.HeadRow)
                {
                    head = AuditTable.HeadFrom(row);
                }
                else
                {
                    entries.AddRange(AuditTable.Entries(row));
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing has been audited yet.
        }

        Check(response, chain, entries, head, key.Bytes);
        if (request.Chain.Length > 0 && response.Chains.Count == 0)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"no audit chain '{request.Chain}'"));
        }

        return response;
    }

    private static void Check(VerifyAuditLogResponse response, string? chain, List<AuditRecord> entries, AuditChainHead head, byte[]? key)
    {
        if (chain is null)
        {
            return;
        }

        var check = AuditChain.Verify(chain, entries, head, key);
        response.Intact &= check.Intact;
        response.Chains.Add(new ChainVerification
        {
            Chain = check.Chain,
            EntriesChecked = check.EntriesChecked,
            Intact = check.Intact,
            FirstBrokenSequence = check.FirstBrokenSequence ?? 0,
            Problem = check.Problem,
            HeadSequence = check.Head.Sequence,
            HeadHash = check.Head.Hash,
        });
    }

    private static AuditEntry ToProto(AuditRecord record) => new()
    {
        Chain = record.Chain,
        Sequence = record.Sequence,
        Time = Timestamp.FromDateTimeOffset(record.Time),
        Caller = record.Caller,
        Method = record.Method,
        Resource = record.Resource,
        Result = record.Result,
        PreviousHash = record.PreviousHash,
        Hash = record.Hash,
    };
}
