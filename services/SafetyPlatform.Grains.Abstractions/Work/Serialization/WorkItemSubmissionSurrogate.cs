using Orleans.Serialization.Cloning;
using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Abstractions.Work.Serialization;

/// <summary>The wire form of <see cref="WorkItemSubmission"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.WorkItemSubmission")]
public readonly record struct WorkItemSubmissionSurrogate(
    [property: Id(0)] string Client,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string ContentId,
    [property: Id(3)] string ContentUri,
    [property: Id(4)] HarmCategory HarmCategory,
    [property: Id(5)] Priority Priority,
    [property: Id(6)] string Language,
    [property: Id(7)] DateTimeOffset? Deadline,
    [property: Id(8)] ImmutableDictionary<string, string> Labels,
    [property: Id(9)] string? GoldenAnswer,
    [property: Id(10)] string? AuditedItem,
    [property: Id(11)] string? AuditedSpecialist);

[RegisterConverter]
public sealed class WorkItemSubmissionConverter : IConverter<WorkItemSubmission, WorkItemSubmissionSurrogate>
{
    public WorkItemSubmission ConvertFromSurrogate(in WorkItemSubmissionSurrogate surrogate) =>
        new(surrogate.Client, surrogate.RequestId, surrogate.ContentId, surrogate.ContentUri, surrogate.HarmCategory,
            surrogate.Priority, surrogate.Language, surrogate.Deadline, surrogate.Labels, surrogate.GoldenAnswer, surrogate.AuditedItem, surrogate.AuditedSpecialist);

    public WorkItemSubmissionSurrogate ConvertToSurrogate(in WorkItemSubmission value) =>
        new(value.Client, value.RequestId, value.ContentId, value.ContentUri, value.HarmCategory,
            value.Priority, value.Language, value.Deadline, value.Labels, value.GoldenAnswer, value.AuditedItem, value.AuditedSpecialist);
}

/// <summary>Submissions are immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class WorkItemSubmissionCopier : IDeepCopier<WorkItemSubmission>
{
    public WorkItemSubmission? DeepCopy(WorkItemSubmission? input, CopyContext context) => input;
}
