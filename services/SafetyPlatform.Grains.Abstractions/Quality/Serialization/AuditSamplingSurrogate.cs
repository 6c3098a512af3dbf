using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Grains.Abstractions.Quality.Serialization;

/// <summary>The wire and stored form of <see cref="AuditSampling"/>: the [Id]s are the contract.</summary>
[GenerateSerializer, Immutable, Alias("safety.AuditSampling")]
public readonly record struct AuditSamplingSurrogate(
    [property: Id(0)] string AuditQueueId,
    [property: Id(1)] double Share,
    [property: Id(2)] double NewSpecialistShare,
    [property: Id(3)] int NewForDays,
    [property: Id(4)] double AccuracyThreshold,
    [property: Id(5)] double BelowThresholdShare);

[RegisterConverter]
public sealed class AuditSamplingConverter : IConverter<AuditSampling, AuditSamplingSurrogate>
{
    public AuditSampling ConvertFromSurrogate(in AuditSamplingSurrogate s) =>
        new(s.AuditQueueId, s.Share, s.NewSpecialistShare, s.NewForDays, s.AccuracyThreshold, s.BelowThresholdShare);

    public AuditSamplingSurrogate ConvertToSurrogate(in AuditSampling v) =>
        new(v.AuditQueueId, v.Share, v.NewSpecialistShare, v.NewForDays, v.AccuracyThreshold, v.BelowThresholdShare);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class AuditSamplingCopier : IDeepCopier<AuditSampling>
{
    public AuditSampling? DeepCopy(AuditSampling? input, CopyContext context) => input;
}
