namespace SafetyPlatform.Domain.Roster;

/// <summary>What is known of the moment a specialist finished the last item they held.</summary>
/// <param name="At">When they finished it.</param>
/// <param name="Actor">Who finished it, for the history entry of the return to AVAILABLE.</param>
/// <param name="Reason">Why, for the same entry (for example "completed queues/q/workItems/i").</param>
public sealed record FinishedWork(DateTimeOffset At, string Actor, string Reason);

/// <summary>
/// The grace after a specialist finishes the last item they held. They stay HANDLING through
/// it, so the next item taken within it continues the same stretch of handling instead of a
/// flicker to AVAILABLE and back between two items. When the grace passes with nothing taken,
/// they become AVAILABLE as of the moment they finished, not as of when the grace ran out, so
/// time in state stays true. A grace of zero (or less) returns them at once.
/// </summary>
public sealed class IdleGrace(TimeSpan length)
{
    /// <summary>How long a specialist who has just finished stays HANDLING.</summary>
    public TimeSpan Length => length;

    /// <summary>How often a waiting finish is looked at once the grace has run: a tenth of it, so the return lands at most that late.</summary>
    public TimeSpan CheckInterval => length / 10;

    /// <summary>True when a finish returns the specialist to AVAILABLE straight away.</summary>
    public bool ReturnsAtOnce => length <= TimeSpan.Zero;

    /// <summary>The finish still waiting for its grace to pass; null when there is none.</summary>
    public FinishedWork? Pending { get; private set; }

    /// <summary>The specialist finished the last item they held: the grace starts.</summary>
    public void LastItemFinished(FinishedWork finish)
    {
        if (ReturnsAtOnce)
        {
            throw new InvalidOperationException("A grace of zero has nothing to wait for; return the specialist at once.");
        }

        Pending = finish;
    }

    /// <summary>The specialist took an item within the grace: they never stopped handling.</summary>
    public void ItemTaken() => Pending = null;

    /// <summary>True when a finish is waiting and its grace has passed at <paramref name="now"/>.</summary>
    public bool HasRunOut(DateTimeOffset now) => Pending is { } finish && now - finish.At >= length;

    /// <summary>Takes the waiting finish (if any) to be written now; <see cref="Restore"/> puts it back if the write fails.</summary>
    public FinishedWork? Settle()
    {
        var pending = Pending;
        Pending = null;
        return pending;
    }

    /// <summary>Puts back a finish whose write failed, unless a newer one has arrived meanwhile.</summary>
    public void Restore(FinishedWork finish) => Pending ??= finish;

    /// <summary>
    /// When a state change asked to take effect at <paramref name="requested"/> is recorded: then,
    /// if it falls within the current state (not before <paramref name="stateStart"/>) and is
    /// already past; otherwise <paramref name="now"/>. History never goes backwards past the
    /// state it closes, and never records the future.
    /// </summary>
    public static DateTimeOffset EffectiveTime(DateTimeOffset requested, DateTimeOffset stateStart, DateTimeOffset now) =>
        requested < now && requested >= stateStart ? requested : now;
}
