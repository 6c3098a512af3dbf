using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// Cohen's and Fleiss' kappa against published worked examples, to the rounding they show.
/// </summary>
public class AgreementTests
{
    /// <summary>(first rater, second rater) repeated: the cells of a 2×2 table of yes/no ratings.</summary>
    private static List<(string, string)> Table(int yesYes, int yesNo, int noYes, int noNo) =>
    [
        .. Enumerable.Repeat(("yes", "yes"), yesYes), .. Enumerable.Repeat(("yes", "no"), yesNo),
        .. Enumerable.Repeat(("no", "yes"), noYes), .. Enumerable.Repeat(("no", "no"), noNo),
    ];

    [Fact]
    public void Cohens_kappa_of_two_readers_of_fifty_grant_proposals_is_0_4()
    {
        // Wikipedia, "Cohen's kappa", Example: readers A and B say yes/no to 50 proposals.
        // Both yes 20, A yes and B no 5, A no and B yes 10, both no 15.
        // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
        var ratings = Table(20, 5, 10, 15);
        Assert.Equal(0.7, CohensKappa.ObservedAgreement(ratings)!.Value, 10);
        Assert.Equal(0.4, CohensKappa.Of(ratings)!.Value, 10);
    }

    [Fact]
    public void The_same_agreement_gives_different_kappas_when_the_raters_shares_differ()
    {
        // Wikipedia, "Cohen's kappa", "Same percentages but different numbers": 100 items, 60 % agreement in both.
        // 45/15/25/15: p_e = 0.6·0.7 + 0.4·0.3 = 0.54, κ = 0.06/0.46 = 0.1304.
        Assert.Equal(0.1304, CohensKappa.Of(Table(45, 15, 25, 15))!.Value, 4);
        // 25/35/5/35: p_e = 0.6·0.3 + 0.4·0.7 = 0.46, κ = 0.14/0.54 = 0.2593.
        Assert.Equal(0.2593, CohensKappa.Of(Table(25, 35, 5, 35))!.Value, 4);
    }

    [Fact]
    public void Cohens_kappa_is_one_for_full_agreement_and_undefined_when_chance_agreement_is_certain()
    {
        Assert.Equal(1.0, CohensKappa.Of(Table(3, 0, 0, 2))!.Value, 10);
        Assert.Null(CohensKappa.Of(Table(4, 0, 0, 0)));
        Assert.Null(CohensKappa.Of(new List<(string, string)>()));
    }

    /// <summary>
    /// Wikipedia, "Fleiss' kappa", Worked example: 14 raters put 10 subjects in 5 categories.
    /// Published: p_j = 0.143, 0.200, 0.279, 0.150, 0.229; P̄ = 0.378; P̄_e = 0.213; κ = 0.210.
    /// </summary>
    private static readonly int[][] FourteenRaters =
    [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];

    [Fact]
    public void Fleiss_kappa_of_fourteen_raters_and_ten_subjects_is_0_210()
    {
        Assert.Equal([0.143, 0.200, 0.279, 0.150, 0.229], FleissKappa.CategoryShares(FourteenRaters, 10, 14).Select(p => Math.Round(p, 3)));
        Assert.Equal(0.378, Math.Round(FleissKappa.MeanAgreement(FourteenRaters)!.Value, 3));
        Assert.Equal(0.210, Math.Round(FleissKappa.Of(FourteenRaters)!.Value, 3));
    }

    [Fact]
    public void Fleiss_kappa_per_category_follows_fleiss_1971()
    {
        // κ_j = 1 − Σ n_ij(n − n_ij) / (N·n(n − 1)·p_j·q_j). Category 5: Σ n_i5(14 − n_i5) = 0+24+48+0+13+0+0+24+0+49 = 158;
        // N·n(n − 1) = 10·14·13 = 1820; p_5 = 32/140, q_5 = 108/140: κ_5 = 1 − 158/(1820·0.2286·0.7714) = 0.508.
        Assert.Equal(0.508, Math.Round(FleissKappa.OfCategory(FourteenRaters, 4)!.Value, 3));
        Assert.Null(FleissKappa.OfCategory([[2, 0], [2, 0]], 1));
    }

    [Fact]
    public void With_two_raters_and_the_same_shares_fleiss_and_cohen_agree_on_full_agreement_and_fleiss_needs_equal_raters()
    {
        Assert.Equal(1.0, FleissKappa.Of([[2, 0], [0, 2], [2, 0]])!.Value, 10);
        Assert.Null(FleissKappa.Of([[1, 0], [0, 1]]));
        Assert.Throws<ArgumentException>(() => FleissKappa.Of([[2, 0], [1, 0]]));
    }
}
