using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Work;

/// <summary>Routing settings of the silo.</summary>
public sealed class RoutingOptions
{
    /// <summary>The state a specialist is put in when an offer to them expires unanswered.</summary>
    public ActivityState OfferTimeoutState { get; set; } = ActivityState.Offline;

    /// <summary>How often reservations are checked for expiry.</summary>
    public TimeSpan ReservationSweep { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a specialist who finished their last item still reads HANDLING. Accepting the
    /// next item within it writes no state change at all (under steady work, two storage
    /// writes per item fewer); once it passes, the return to AVAILABLE is recorded as of the
    /// moment they finished, so time in state stays exact. Zero: at once.
    /// </summary>
    public TimeSpan IdleGrace { get; set; } = TimeSpan.FromSeconds(2);
}
