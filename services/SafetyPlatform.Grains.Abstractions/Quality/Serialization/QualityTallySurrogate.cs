using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Grains.Abstractions.Quality.Serialization;

/// <summary>The wire and stored form of <see cref="QualityTally"/>: the [Id]s are the contract.</summary>
[GenerateSerializer, Immutable, Alias("safety.QualityTally")]
public readonly record struct QualityTallySurrogate(
    [property: Id(0)] int Audited,
    [property: Id(1)] int Agreed,
    [property: Id(2)] long ScoreSum,
    [property: Id(3)] int GoldenScored,
    [property: Id(4)] int GoldenCorrect);

[RegisterConverter]
public sealed class QualityTallyConverter : IConverter<QualityTally, QualityTallySurrogate>
{
    public QualityTally ConvertFromSurrogate(in QualityTallySurrogate s) => new(s.Audited, s.Agreed, s.ScoreSum, s.GoldenScored, s.GoldenCorrect);

    public QualityTallySurrogate ConvertToSurrogate(in QualityTally v) => new(v.Audited, v.Agreed, v.ScoreSum, v.GoldenScored, v.GoldenCorrect);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class QualityTallyCopier : IDeepCopier<QualityTally>
{
    public QualityTally? DeepCopy(QualityTally? input, CopyContext context) => input;
}
