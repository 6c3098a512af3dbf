using System.Text.Json.Serialization;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// The stored format of work items, as a contract: a source-generated serializer over
/// <see cref="WorkItem"/> and its parts, whose JSON names are fixed by attributes on the records
/// and whose actions are stored by name. Pages written by earlier builds must still load:
/// tests/SafetyPlatform.Silo.Tests/Pages holds one, and a test reads it.
/// </summary>
[JsonSerializable(typeof(WorkItem))]
[JsonSerializable(typeof(List<WorkItem>))]
[JsonSerializable(typeof(List<DailyWorkTotals>))]
public sealed partial class WorkItemJson : JsonSerializerContext;
