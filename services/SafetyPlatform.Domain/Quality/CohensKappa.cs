namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// Cohen's kappa for two raters who each put the same items into nominal categories (Cohen,
/// 1960): κ = (p_o − p_e) / (1 − p_e), where p_o is the share of items they agree on and p_e
/// the agreement expected by chance from each rater's own shares of each category.
/// </summary>
public static class CohensKappa
{
    /// <summary>
    /// κ over <paramref name="ratings"/> (one pair per item); null when it is undefined: no items,
    /// or chance agreement is certain (both raters used one and the same category throughout).
    /// </summary>
    public static double? Of<T>(IReadOnlyCollection<(T First, T Second)> ratings) where T : notnull
    {
        if (ratings.Count == 0)
        {
            return null;
        }

        double n = ratings.Count;
        var observed = ratings.Count(r => EqualityComparer<T>.Default.Equals(r.First, r.Second)) / n;
        var first = ratings.GroupBy(r => r.First).ToDictionary(g => g.Key, g => g.Count() / n);
        var second = ratings.GroupBy(r => r.Second).ToDictionary(g => g.Key, g => g.Count() / n);
        var chance = first.Sum(f => f.Value * second.GetValueOrDefault(f.Key));
        return chance >= 1 ? null : (observed - chance) / (1 - chance);
    }

    /// <summary>The share of items the two raters put in the same category; null for no items.</summary>
    public static double? ObservedAgreement<T>(IReadOnlyCollection<(T First, T Second)> ratings) where T : notnull =>
        ratings.Count == 0 ? null : (double)ratings.Count(r => EqualityComparer<T>.Default.Equals(r.First, r.Second)) / ratings.Count;
}
