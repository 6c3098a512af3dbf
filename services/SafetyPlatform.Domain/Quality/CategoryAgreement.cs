namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// How far auditors agree on one error category: each auditor's verdict on each item either
/// names it or does not, and these yes/no ratings are measured like any other.
/// </summary>
/// <param name="Category">The error category.</param>
/// <param name="Flagged">Verdicts (over complete items) that named it.</param>
/// <param name="AgreementRate">The share of auditor pairs that agree on it, per item, averaged; null with no complete item.</param>
/// <param name="Kappa">Kappa of those ratings; null when undefined (nobody, or everybody, named it).</param>
public sealed record CategoryAgreement(AuditErrorCategory Category, int Flagged, double? AgreementRate, double? Kappa);
