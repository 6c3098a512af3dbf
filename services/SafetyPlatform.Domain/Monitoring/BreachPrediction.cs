namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// When the first waiting item is predicted to breach its deadline, and what the prediction
/// rests on. <see cref="FirstBreach"/> is null when no breach is predicted, or when there is no
/// handle time to predict from (<see cref="UnknownReason"/> then says why).
/// </summary>
public sealed record BreachPrediction(
    DateTimeOffset? FirstBreach,
    string? ItemId,
    int Staffed,
    TimeSpan? HandleTime,
    string? UnknownReason)
{
    /// <summary>How long from <paramref name="now"/> until the first breach; null when none is predicted.</summary>
    public TimeSpan? TimeToFirstBreach(DateTimeOffset now) => FirstBreach is { } at ? at > now ? at - now : TimeSpan.Zero : null;
}
