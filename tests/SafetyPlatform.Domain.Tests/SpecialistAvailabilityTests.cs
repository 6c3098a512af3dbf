using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Tests;

public sealed class SpecialistAvailabilityTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Free_slots_are_the_allowed_items_less_those_taken_and_never_fewer_than_none()
    {
        Assert.Equal(3, new SpecialistAvailability(false, ActivityState.Available, 1, 4).FreeSlots);
        Assert.Equal(0, new SpecialistAvailability(false, ActivityState.Handling, 4, 4).FreeSlots);
        // Lowered to 2 while holding 3: none free, not minus one.
        Assert.Equal(0, new SpecialistAvailability(false, ActivityState.Handling, 3, 2).FreeSlots);
    }

    [Fact]
    public void An_available_specialist_is_idle_since_becoming_available_and_one_handling_work_counts_from_now()
    {
        Assert.Equal(Nine, SpecialistAvailability.IdleSince(ActivityState.Available, Nine, Nine.AddMinutes(12)));
        Assert.Equal(Nine.AddMinutes(12), SpecialistAvailability.IdleSince(ActivityState.Handling, Nine, Nine.AddMinutes(12)));
    }
}
