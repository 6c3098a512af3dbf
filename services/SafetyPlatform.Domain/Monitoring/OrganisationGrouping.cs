namespace SafetyPlatform.Domain.Monitoring;

/// <summary>How an operations manager's totals are split: one total, or one per site or per vendor.</summary>
public enum OrganisationGrouping
{
    /// <summary>One total over every team that matches.</summary>
    Whole,

    /// <summary>One total per site, as written in the teams' profiles.</summary>
    Site,

    /// <summary>One total per vendor, as written in the teams' profiles.</summary>
    Vendor,
}
