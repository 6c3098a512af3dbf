namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>The most of one harm category a specialist may handle per shift and per day, in time and/or items; null: no limit.</summary>
public sealed record ExposureBudget(TimeSpan? TimePerShift, int? ItemsPerShift, TimeSpan? TimePerDay, int? ItemsPerDay)
{
    public static ExposureBudget Unlimited { get; } = new(null, null, null, null);
}
