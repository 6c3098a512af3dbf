using System.Collections.Immutable;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// The queue directory's routes in memory, by queue id and by serving team. A team's routes are
/// gathered once and kept until a route it is (or was) in changes, because desks ask for them on
/// every routing request.
/// </summary>
internal sealed class QueueRouteIndex
{
    private readonly SortedDictionary<string, QueueRoute> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<QueueRoute>> _byTeam = new(StringComparer.Ordinal);

    public bool Contains(string queueId) => _byId.ContainsKey(queueId);

    public bool TryGet(string queueId, out QueueRoute route) => _byId.TryGetValue(queueId, out route!);

    public IEnumerable<string> QueueIds => _byId.Keys;

    public void Set(QueueRoute route)
    {
        if (_byId.TryGetValue(route.QueueId, out var before))
        {
            Forget(before.ServingTeams);
        }

        _byId[route.QueueId] = route;
        Forget(route.ServingTeams);
    }

    /// <summary>The routes of the queues <paramref name="teamId"/> serves, in queue id order.</summary>
    public ImmutableArray<QueueRoute> ServedBy(string teamId)
    {
        if (!_byTeam.TryGetValue(teamId, out var routes))
        {
            routes = [.. _byId.Values.Where(r => r.ServingTeams.Contains(teamId))];
            _byTeam[teamId] = routes;
        }

        return routes;
    }

    private void Forget(IEnumerable<string> teams)
    {
        foreach (var team in teams)
        {
            _byTeam.Remove(team);
        }
    }
}
