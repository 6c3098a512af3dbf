namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>How much of one limit a specialist has used: <paramref name="Used"/> of <paramref name="Allowed"/>, in the limit's unit (minutes or items).</summary>
public sealed record LimitUse(string Limit, double Used, double Allowed)
{
    /// <summary>The share used: 0.8 is 80 %.</summary>
    public double Share => Allowed > 0 ? Used / Allowed : 0;
}
