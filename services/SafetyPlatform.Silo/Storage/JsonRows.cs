using System.Text.Json;
using Azure.Data.Tables;

namespace SafetyPlatform.Silo.Storage;

/// <summary>Rows that hold one record as JSON in their `Data` property.</summary>
internal static class JsonRows
{
    /// <summary>An Azure Table transaction takes at most this many rows, all of one partition.</summary>
    public const int TransactionSize = 100;

    public const string DataProperty = "Data";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static TableEntity Row<T>(string partitionKey, string rowKey, T record) =>
        new(partitionKey, rowKey) { [DataProperty] = JsonSerializer.Serialize(record, Json) };

    public static T Read<T>(TableEntity row) =>
        JsonSerializer.Deserialize<T>(row.GetString(DataProperty), Json)
        ?? throw new InvalidDataException($"row {row.PartitionKey}/{row.RowKey} is empty");
}
