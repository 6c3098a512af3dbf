using Azure.Data.Tables;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// A table the silo creates on first use. A failed creation (storage briefly away) is tried
/// again on the next use rather than remembered for the life of the process.
/// </summary>
public sealed class CreatedTable(TableServiceClient service, string name)
{
    private Task<TableClient>? _ready;

    public Task<TableClient> Get()
    {
        var ready = _ready;
        if (ready is null || ready.IsFaulted || ready.IsCanceled)
        {
            // Two callers racing here both create it; creation is idempotent.
            ready = Create();
            _ready = ready;
        }

        return ready;
    }

    private async Task<TableClient> Create()
    {
        var table = service.GetTableClient(name);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    }
}
