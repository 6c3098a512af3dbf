using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Abstractions.Work.Serialization;

/// <summary>The wire form of <see cref="WorkItemEvent"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.WorkItemEvent")]
public readonly record struct WorkItemEventSurrogate(
    [property: Id(0)] int Sequence,
    [property: Id(1)] WorkItemStatus From,
    [property: Id(2)] WorkItemStatus To,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Actor,
    [property: Id(5)] WorkItemAction Action,
    [property: Id(6)] string Reason);

[RegisterConverter]
public sealed class WorkItemEventConverter : IConverter<WorkItemEvent, WorkItemEventSurrogate>
{
    public WorkItemEvent ConvertFromSurrogate(in WorkItemEventSurrogate surrogate) =>
        new(surrogate.Sequence, surrogate.From, surrogate.To, surrogate.At, surrogate.Actor, surrogate.Action, surrogate.Reason);

    public WorkItemEventSurrogate ConvertToSurrogate(in WorkItemEvent value) =>
        new(value.Sequence, value.From, value.To, value.At, value.Actor, value.Action, value.Reason);
}

/// <summary>Events are immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class WorkItemEventCopier : IDeepCopier<WorkItemEvent>
{
    public WorkItemEvent? DeepCopy(WorkItemEvent? input, CopyContext context) => input;
}
