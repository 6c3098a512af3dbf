namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// What a calibration session measured over its complete items (every auditor gave a verdict).
/// Each verdict rates an item by the decision the auditor holds right: the specialist's when they
/// agree, their corrected decision when they do not.
/// </summary>
/// <param name="CompleteItems">Items every auditor has given a verdict on.</param>
/// <param name="AgreementRate">The share of auditor pairs giving the same decision, per item, averaged (for two auditors, the share of items they agree on); null with no complete item.</param>
/// <param name="Kappa">Agreement beyond chance; null while undefined.</param>
/// <param name="Measure">Cohen's kappa for two auditors, Fleiss' for more.</param>
/// <param name="Categories">Per error category named in any verdict.</param>
public sealed record CalibrationResults(int CompleteItems, double? AgreementRate, double? Kappa, AgreementMeasure Measure, IReadOnlyList<CategoryAgreement> Categories);
