namespace SafetyPlatform.Domain.Quality;

/// <summary>Why a calibration verdict was not recorded.</summary>
public enum CalibrationRefusal
{
    None = 0,

    /// <summary>The auditor is not one of the session's.</summary>
    NotAnAuditor = 1,

    /// <summary>The item is not one of the session's.</summary>
    NotAnItem = 2,

    /// <summary>The auditor gave a verdict on the item already.</summary>
    AlreadyGiven = 3,
}
