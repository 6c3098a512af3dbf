using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Grains.Quality;

/// <summary>One auditor's verdict on one item of a calibration session, as stored. Never rename the properties.</summary>
[GenerateSerializer, Alias("safety.StoredCalibrationVerdict")]
public sealed class StoredCalibrationVerdict
{
    [Id(0)] public string Item { get; set; } = string.Empty;

    [Id(1)] public string Auditor { get; set; } = string.Empty;

    [Id(2)] public bool Agrees { get; set; }

    [Id(3)] public string CorrectedDecision { get; set; } = string.Empty;

    [Id(4)] public int Score { get; set; }

    [Id(5)] public AuditErrorCategory ErrorCategory { get; set; }

    [Id(6)] public string Notes { get; set; } = string.Empty;

    public AuditVerdict Verdict => new(Agrees, CorrectedDecision, Score, ErrorCategory, Notes);
}
