namespace SafetyPlatform.Domain.Quality;

/// <summary>What audit sampling weighs of the specialist whose work it samples.</summary>
/// <param name="Tenure">How long since the specialist was created.</param>
/// <param name="Recent">Their audits of the last <see cref="AuditSampling.AccuracyWindowDays"/> days (no audits: no accuracy, so never below a threshold).</param>
public sealed record AuditeeRecord(TimeSpan Tenure, QualityTally Recent);
