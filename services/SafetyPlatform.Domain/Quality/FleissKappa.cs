namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// Fleiss' kappa for a fixed number of raters per item putting items into nominal categories
/// (Fleiss, 1971, Psychological Bulletin 76(5):378–382). From the counts n_ij (raters who put
/// item i in category j; n raters per item, N items): p_j = Σ_i n_ij / (N·n);
/// P_i = (Σ_j n_ij² − n) / (n(n − 1)); P̄ = mean P_i; P̄_e = Σ_j p_j²; κ = (P̄ − P̄_e) / (1 − P̄_e).
/// Per category, κ_j = 1 − Σ_i n_ij(n − n_ij) / (N·n(n − 1)·p_j(1 − p_j)).
/// </summary>
public static class FleissKappa
{
    /// <summary>κ; null when undefined (fewer than 2 raters, no items, or every rating in one category).</summary>
    public static double? Of(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        if (Shape(counts) is not (var items, var raters) || raters < 2)
        {
            return null;
        }

        var expected = CategoryShares(counts, items, raters).Sum(p => p * p);
        return expected >= 1 ? null : (MeanAgreement(counts)!.Value - expected) / (1 - expected);
    }

    /// <summary>P̄: the mean share of agreeing rater pairs per item; null when undefined.</summary>
    public static double? MeanAgreement(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        if (Shape(counts) is not (_, var raters) || raters < 2)
        {
            return null;
        }

        return counts.Average(row => (row.Sum(c => (double)c * c) - raters) / (raters * (raters - 1.0)));
    }

    /// <summary>κ_j of category <paramref name="category"/> (its column in the counts); null when no rating, or every rating, is in it.</summary>
    public static double? OfCategory(IReadOnlyList<IReadOnlyList<int>> counts, int category)
    {
        if (Shape(counts) is not (var items, var raters) || raters < 2)
        {
            return null;
        }

        var share = CategoryShares(counts, items, raters)[category];
        if (share <= 0 || share >= 1)
        {
            return null;
        }

        var disagreement = counts.Sum(row => (double)row[category] * (raters - row[category]));
        return 1 - disagreement / (items * raters * (raters - 1.0) * share * (1 - share));
    }

    /// <summary>p_j for each category.</summary>
    public static IReadOnlyList<double> CategoryShares(IReadOnlyList<IReadOnlyList<int>> counts, int items, int raters) =>
        [.. Enumerable.Range(0, counts[0].Count).Select(j => counts.Sum(row => row[j]) / (double)(items * raters))];

    /// <summary>(items, raters per item); null for no items. Every item must have the same number of raters and of categories.</summary>
    private static (int Items, int Raters)? Shape(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        if (counts.Count == 0)
        {
            return null;
        }

        var raters = counts[0].Sum();
        if (counts.Any(row => row.Sum() != raters || row.Count != counts[0].Count || row.Any(c => c < 0)))
        {
            throw new ArgumentException("every item needs the same number of raters and of categories, and no negative count", nameof(counts));
        }

        return (counts.Count, raters);
    }
}
