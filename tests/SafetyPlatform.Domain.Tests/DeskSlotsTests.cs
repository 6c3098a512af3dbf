using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>A specialist's slots: held items, open offers and requests in flight each take one; they stop HANDLING only with nothing held and no accept in flight.</summary>
public class DeskSlotsTests
{
    [Fact]
    public void Held_items_open_offers_and_requests_in_flight_each_take_a_slot()
    {
        var slots = new DeskSlots(TimeSpan.FromSeconds(2));
        slots.Hold("hate-en", "w1");
        slots.Offered("hate-en", "w2", At(9, 0, 30));
        slots.Asking(2);

        // 1 held + 1 offer + 2 asked = 4.
        Assert.Equal(4, slots.Taken(At(9, 0)));
        slots.DoneAsking(2);
        // The offer lapses on its own 2 seconds after its expiry (its queue may have restarted and forgotten it).
        Assert.Equal(2, slots.Taken(At(9, 0, 31)));
        Assert.Equal(1, slots.Taken(At(9, 0, 32)));
        Assert.False(slots.OfferGone("hate-en", "w2"));
    }

    [Fact]
    public void Nothing_is_in_hand_only_with_no_item_held_and_no_accept_in_flight()
    {
        var slots = new DeskSlots(TimeSpan.FromSeconds(2));
        slots.Hold("hate-en", "w1");
        slots.Accepting();

        Assert.True(slots.LetGo("hate-en", "w1"));
        Assert.False(slots.NothingInHand);
        slots.DoneAccepting();
        Assert.True(slots.NothingInHand);
        Assert.False(slots.LetGo("hate-en", "w1"));
    }
}
