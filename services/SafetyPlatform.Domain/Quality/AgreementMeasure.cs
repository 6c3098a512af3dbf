namespace SafetyPlatform.Domain.Quality;

/// <summary>Which kappa a calibration reports: Cohen's for two auditors, Fleiss' for more.</summary>
public enum AgreementMeasure
{
    None = 0,
    CohensKappa = 1,
    FleissKappa = 2,
}
