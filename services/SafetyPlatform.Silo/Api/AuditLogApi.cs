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
public sealed class AuditLogApi(TableServiceClient tables) : AuditLogService.AuditLogServiceBase
{
    private const string ListName = "auditEntries";
    private readonly TableClient _table = tables.GetTableClient(AuditTrail.TableName);

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var start = request.StartTime is null ? null : ProtoTimes.AsTime(request.StartTime);
        var end = request.EndTime is null ? null : ProtoTimes.AsTime(request.EndTime);
        var continuation = string.Empty;
        new FieldCheck()
            .PageSize(request.PageSize, out var pageSize)
            .Require(request.PageToken.Length == 0 || PageTokens.TryDecode(request.PageToken, ListName, out continuation), "page_token", "is not a token from this list")
            .Require(request.StartTime is null || start is not null, "start_time", "is not a valid timestamp")
            .Require(request.EndTime is null || end is not null, "end_time", "is not a valid timestamp")
            .Require(start is null || end is null || start < end, "end_time", "must be after start_time")
            .ThrowIfAny();

        var filter = TableClient.CreateQueryFilter($"RowKey ne {AuditTrail.HeadRow}");
        if (request.Caller.Length > 0)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Caller eq {request.Caller}");
        }

        if (request.Resource.Length > 0)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Resource eq {request.Resource}");
        }

        if (start is { } from)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Time ge {from}");
        }

        if (end is { } until)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Time lt {until}");
        }

        var response = new ListAuditEntriesResponse();
        try
        {
            await foreach (var page in _table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: context.CancellationToken)
                .AsPages(continuation.Length == 0 ? null : continuation, pageSize))
            {
                response.Entries.AddRange(page.Values.Select(row => ToProto(AuditTrail.FromRow(row))));
                response.NextPageToken = page.ContinuationToken is { Length: > 0 } next ? PageTokens.Encode(ListName, next) : string.Empty;
                break;
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
        var headFilter = TableClient.CreateQueryFilter($"RowKey eq {AuditTrail.HeadRow}");
        if (request.Chain.Length > 0)
        {
            headFilter += " and " + TableClient.CreateQueryFilter($"PartitionKey eq {request.Chain}");
        }

        try
        {
            await foreach (var headRow in _table.QueryAsync<TableEntity>(headFilter, cancellationToken: context.CancellationToken))
            {
                // The head is read before the entries, and only entries up to it are checked, so a chain still being written verifies.
                var head = AuditTrail.HeadFrom(headRow);
                var entries = new List<AuditRecord>();
                var entryFilter = TableClient.CreateQueryFilter($"PartitionKey eq {headRow.PartitionKey} and RowKey le {AuditTrail.SequenceKey(head.Sequence)}");
                await foreach (var row in _table.QueryAsync<TableEntity>(entryFilter, cancellationToken: context.CancellationToken))
                {
                    entries.Add(AuditTrail.FromRow(row));
                }

                var check = AuditChain.Verify(headRow.PartitionKey, entries, head);
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
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing has been audited yet.
        }

        if (request.Chain.Length > 0 && response.Chains.Count == 0)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"no audit chain '{request.Chain}'"));
        }

        return response;
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
