using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire form of <see cref="CategoryRestriction"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.CategoryRestriction")]
public readonly record struct CategoryRestrictionSurrogate(
    [property: Id(0)] HarmCategory Category,
    [property: Id(1)] DateTimeOffset Until,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset At);

[RegisterConverter]
public sealed class CategoryRestrictionConverter : IConverter<CategoryRestriction, CategoryRestrictionSurrogate>
{
    public CategoryRestriction ConvertFromSurrogate(in CategoryRestrictionSurrogate s) => new(s.Category, s.Until, s.Actor, s.Reason, s.At);

    public CategoryRestrictionSurrogate ConvertToSurrogate(in CategoryRestriction v) => new(v.Category, v.Until, v.Actor, v.Reason, v.At);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class CategoryRestrictionCopier : IDeepCopier<CategoryRestriction>
{
    public CategoryRestriction? DeepCopy(CategoryRestriction? input, CopyContext context) => input;
}
