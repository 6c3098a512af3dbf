using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;

namespace SafetyPlatform.Silo.Storage;

/// <summary>Rows that hold a page of records as a JSON array in their `Data` property.</summary>
public static class JsonRows
{
    /// <summary>An Azure Table transaction takes at most this many rows, all of one partition.</summary>
    public const int TransactionSize = 100;

    public const string DataProperty = "Data";

    /// <summary>
    /// The most characters a page's JSON may take: Azure Tables caps a string property at
    /// 64 KiB of UTF-16, 32,768 characters; the rest is margin.
    /// </summary>
    public const int MaxPageChars = 30_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);


    /// <summary>
    /// Packs records, in order, into JSON arrays of at most <paramref name="maxChars"/>
    /// characters each (a record larger than that alone makes a page of its own). Storage
    /// costs mostly per row written, not per byte: fifty records in one row cost about what one does.
    /// </summary>
    public static IReadOnlyList<(IReadOnlyList<T> Records, string Json)> Pages<T>(IEnumerable<T> records, int maxChars = MaxPageChars) =>
        Pages(records, record => JsonSerializer.Serialize(record, Json), maxChars);

    /// <summary>As <see cref="Pages{T}(IEnumerable{T}, int)"/>, with the record's contract (a source-generated serializer).</summary>
    public static IReadOnlyList<(IReadOnlyList<T> Records, string Json)> Pages<T>(IEnumerable<T> records, JsonTypeInfo<T> contract, int maxChars = MaxPageChars) =>
        Pages(records, record => JsonSerializer.Serialize(record, contract), maxChars);

    private static List<(IReadOnlyList<T> Records, string Json)> Pages<T>(IEnumerable<T> records, Func<T, string> serialize, int maxChars)
    {
        var pages = new List<(IReadOnlyList<T>, string)>();
        var page = new List<T>();
        var json = new StringBuilder("[");
        foreach (var record in records)
        {
            var one = serialize(record);
            if (page.Count > 0 && json.Length + 1 + one.Length + 1 > maxChars)
            {
                pages.Add((page, json.Append(']').ToString()));
                page = [];
                json.Clear().Append('[');
            }

            if (page.Count > 0)
            {
                json.Append(',');
            }

            json.Append(one);
            page.Add(record);
        }

        if (page.Count > 0)
        {
            pages.Add((page, json.Append(']').ToString()));
        }

        return pages;
    }

    public static TableEntity PageRow(string partitionKey, string rowKey, string json) =>
        new(partitionKey, rowKey) { [DataProperty] = json };

    /// <summary>The records of a page, read by their contract (a source-generated serializer).</summary>
    public static IReadOnlyList<T> ReadPage<T>(TableEntity row, JsonTypeInfo<List<T>> contract) =>
        JsonSerializer.Deserialize(row.GetString(DataProperty), contract)
        ?? throw new InvalidDataException($"row {row.PartitionKey}/{row.RowKey} is empty");

    public static IReadOnlyList<T> ReadPage<T>(TableEntity row) =>
        JsonSerializer.Deserialize<List<T>>(row.GetString(DataProperty), Json)
        ?? throw new InvalidDataException($"row {row.PartitionKey}/{row.RowKey} is empty");
}
