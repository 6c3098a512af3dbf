using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Abstractions.Work.Serialization;

/// <summary>The wire form of <see cref="WorkOutcome"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.WorkOutcome")]
public readonly record struct WorkOutcomeSurrogate(
    [property: Id(0)] string Decision,
    [property: Id(1)] string Policy,
    [property: Id(2)] string Notes,
    [property: Id(3)] TimeSpan HandleTime,
    [property: Id(4)] DateTimeOffset CompleteTime,
    [property: Id(5)] string SpecialistId);

[RegisterConverter]
public sealed class WorkOutcomeConverter : IConverter<WorkOutcome, WorkOutcomeSurrogate>
{
    public WorkOutcome ConvertFromSurrogate(in WorkOutcomeSurrogate surrogate) =>
        new(surrogate.Decision, surrogate.Policy, surrogate.Notes, surrogate.HandleTime, surrogate.CompleteTime, surrogate.SpecialistId);

    public WorkOutcomeSurrogate ConvertToSurrogate(in WorkOutcome value) =>
        new(value.Decision, value.Policy, value.Notes, value.HandleTime, value.CompleteTime, value.SpecialistId);
}

/// <summary>Outcomes are immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class WorkOutcomeCopier : IDeepCopier<WorkOutcome>
{
    public WorkOutcome? DeepCopy(WorkOutcome? input, CopyContext context) => input;
}
