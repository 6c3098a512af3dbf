using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// A desk's copy of its specialist as last committed. The roster grain tells the desk of every
/// change, so routing need not ask it on every request; the copy is asked for again once it is
/// older than <see cref="TrustFor"/>, in case a notice was lost (the roster grain does not fail
/// a committed change for a notice). A notice and an answer may cross: the later version wins.
/// </summary>
internal sealed class CommittedSpecialist(TimeProvider time)
{
    public static readonly TimeSpan TrustFor = TimeSpan.FromSeconds(5);

    private SpecialistView? _view;
    private DateTimeOffset _asked;
    private (SpecialistView View, RoutingProfile Profile)? _routing;

    /// <summary>Whether the specialist has been seen (specialists are never deleted).</summary>
    public bool Known => _view is not null;

    /// <summary>The team of the copy; null before the specialist was seen.</summary>
    public string? TeamId => _view?.TeamId;

    /// <summary>The activity state of the copy; null before the specialist was seen.</summary>
    public Domain.Roster.ActivityState? ActivityState => _view?.ActivityState;

    /// <summary>The copy while it is fresh; otherwise asks again.</summary>
    public async Task<SpecialistView> Get(Func<Task<SpecialistView>> ask)
    {
        var now = time.GetUtcNow();
        return _view is { } view && now - _asked < TrustFor ? view : Remember(await ask());
    }

    /// <summary>
    /// What routing needs of <paramref name="view"/>, built once per committed version rather
    /// than on every request (it builds two dictionaries).
    /// </summary>
    public RoutingProfile RoutingOf(SpecialistView view)
    {
        if (_routing is not { } routing || !ReferenceEquals(routing.View, view))
        {
            routing = (view, view.RoutingProfile());
            _routing = routing;
        }

        return routing.Profile;
    }

    /// <summary>Told of each newer version kept: the one before (null for the first) and the new one.</summary>
    public Action<SpecialistView?, SpecialistView>? Changed { get; set; }

    /// <summary>Keeps the later of the copy and <paramref name="view"/>.</summary>
    public SpecialistView Remember(SpecialistView view)
    {
        if (_view is null || view.Version >= _view.Version)
        {
            var before = _view;
            if (before is null || view.Version > before.Version)
            {
                Changed?.Invoke(before, view);
            }

            _view = view;
            _asked = time.GetUtcNow();
        }

        return _view;
    }
}
