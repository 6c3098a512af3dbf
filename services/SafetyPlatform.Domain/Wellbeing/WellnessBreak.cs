namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>A wellness break a specialist took: from its start to its end (null while on it).</summary>
public sealed record WellnessBreak(DateTimeOffset Started, DateTimeOffset? Ended)
{
    /// <summary>How long it has lasted by <paramref name="now"/>.</summary>
    public TimeSpan Length(DateTimeOffset now) => (Ended ?? now) - Started;
}
