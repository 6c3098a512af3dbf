using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Tests;

public class OpenOffersTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_offer_takes_a_slot_until_its_expiry_plus_the_grace_period()
    {
        var offers = new OpenOffers(TimeSpan.FromSeconds(2));
        offers.Add("bullying-en", "w1", Nine.AddSeconds(30));

        Assert.Equal(1, offers.CountOpen(Nine));
        Assert.Equal(1, offers.CountOpen(Nine.AddSeconds(31)));
        Assert.Equal(0, offers.CountOpen(Nine.AddSeconds(32)));
    }

    [Fact]
    public void A_lapsed_offer_is_forgotten_and_others_stay()
    {
        var offers = new OpenOffers(TimeSpan.Zero);
        offers.Add("bullying-en", "w1", Nine.AddSeconds(10));
        offers.Add("bullying-en", "w2", Nine.AddSeconds(60));

        Assert.Equal(1, offers.CountOpen(Nine.AddSeconds(20)));
        Assert.False(offers.Remove("bullying-en", "w1"));
        Assert.True(offers.Remove("bullying-en", "w2"));
        Assert.Equal(0, offers.CountOpen(Nine));
    }

    [Fact]
    public void The_same_item_offered_again_counts_once_with_its_new_expiry()
    {
        var offers = new OpenOffers(TimeSpan.Zero);
        offers.Add("hate-de", "w1", Nine.AddSeconds(10));
        offers.Add("hate-de", "w1", Nine.AddSeconds(40));

        Assert.Equal(1, offers.CountOpen(Nine.AddSeconds(20)));
    }
}
