using System.Collections.Immutable;
using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Grains.Abstractions.Quality.Serialization;

/// <summary>The wire form of <see cref="CalibrationResults"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.CalibrationResults")]
public readonly record struct CalibrationResultsSurrogate(
    [property: Id(0)] int CompleteItems,
    [property: Id(1)] double? AgreementRate,
    [property: Id(2)] double? Kappa,
    [property: Id(3)] AgreementMeasure Measure,
    [property: Id(4)] ImmutableArray<CategoryAgreementSurrogate> Categories);

/// <summary>The wire form of <see cref="CategoryAgreement"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.CategoryAgreement")]
public readonly record struct CategoryAgreementSurrogate(
    [property: Id(0)] AuditErrorCategory Category,
    [property: Id(1)] int Flagged,
    [property: Id(2)] double? AgreementRate,
    [property: Id(3)] double? Kappa);

[RegisterConverter]
public sealed class CalibrationResultsConverter : IConverter<CalibrationResults, CalibrationResultsSurrogate>
{
    public CalibrationResults ConvertFromSurrogate(in CalibrationResultsSurrogate s) => new(s.CompleteItems, s.AgreementRate, s.Kappa, s.Measure,
        [.. s.Categories.Select(c => new CategoryAgreement(c.Category, c.Flagged, c.AgreementRate, c.Kappa))]);

    public CalibrationResultsSurrogate ConvertToSurrogate(in CalibrationResults v) => new(v.CompleteItems, v.AgreementRate, v.Kappa, v.Measure,
        [.. v.Categories.Select(c => new CategoryAgreementSurrogate(c.Category, c.Flagged, c.AgreementRate, c.Kappa))]);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class CalibrationResultsCopier : IDeepCopier<CalibrationResults>
{
    public CalibrationResults? DeepCopy(CalibrationResults? input, CopyContext context) => input;
}
