using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Tests;

/// <summary>A specialist with free slots waits on two queues at once; both may answer together.</summary>
public class OfferGatheringTests
{
    [Fact]
    public void With_3_free_slots_the_first_queue_offers_2_both_are_kept_and_1_of_the_second_queues_2()
    {
        var gathering = new OfferGathering(freeSlots: 3);

        Assert.Equal(2, gathering.Keep(2));
        Assert.Equal(1, gathering.Keep(2));
        Assert.Equal(3, gathering.Kept);
        Assert.Equal(0, gathering.SlotsLeft);
    }

    [Fact]
    public void Once_the_slots_are_filled_every_later_offer_goes_back()
    {
        var gathering = new OfferGathering(freeSlots: 1);

        Assert.Equal(1, gathering.Keep(1));
        Assert.Equal(0, gathering.Keep(1));
        Assert.Equal(0, gathering.Keep(3));
        Assert.Equal(1, gathering.Kept);
    }

    [Fact]
    public void A_queue_that_answers_with_nothing_takes_no_slot()
    {
        var gathering = new OfferGathering(freeSlots: 2);

        Assert.Equal(0, gathering.Keep(0));
        Assert.Equal(2, gathering.SlotsLeft);
    }
}
