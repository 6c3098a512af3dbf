using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire and stored form of <see cref="ExposureBudget"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.ExposureBudget")]
public readonly record struct ExposureBudgetSurrogate(
    [property: Id(0)] TimeSpan? TimePerShift,
    [property: Id(1)] int? ItemsPerShift,
    [property: Id(2)] TimeSpan? TimePerDay,
    [property: Id(3)] int? ItemsPerDay);

[RegisterConverter]
public sealed class ExposureBudgetConverter : IConverter<ExposureBudget, ExposureBudgetSurrogate>
{
    public ExposureBudget ConvertFromSurrogate(in ExposureBudgetSurrogate s) => new(s.TimePerShift, s.ItemsPerShift, s.TimePerDay, s.ItemsPerDay);

    public ExposureBudgetSurrogate ConvertToSurrogate(in ExposureBudget v) => new(v.TimePerShift, v.ItemsPerShift, v.TimePerDay, v.ItemsPerDay);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class ExposureBudgetCopier : IDeepCopier<ExposureBudget>
{
    public ExposureBudget? DeepCopy(ExposureBudget? input, CopyContext context) => input;
}
