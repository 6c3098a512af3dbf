using System.Collections.Immutable;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Work;

/// <summary>The directory as first stored: every route in one grain-state row. Read once to move it into the route store.</summary>
[GenerateSerializer, Alias("safety.QueueDirectoryState")]
public sealed class QueueDirectoryState
{
    [Id(0)] public SortedDictionary<string, QueueRoute> Routes { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Every queue and the teams that serve it; a copy of each queue's own settings. Routes are
/// stored one row per queue (<see cref="IQueueRouteStore"/>) and all held in memory, indexed by
/// serving team.
/// </summary>
public sealed class QueueDirectoryGrain(
    IQueueRouteStore store,
    [PersistentState("queues", StorageNames.Roster)] IPersistentState<QueueDirectoryState> firstFormat) : Grain, IQueueDirectoryGrain
{
    private readonly QueueRouteIndex _routes = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var route in await store.ReadAll(cancellationToken))
        {
            _routes.Set(route);
        }

        // A directory stored in the first format (one row, which cannot pass 1 MB) moves to rows once.
        if (firstFormat.State.Routes.Count > 0)
        {
            foreach (var route in firstFormat.State.Routes.Values.Where(r => !_routes.Contains(r.QueueId)))
            {
                await store.Save(route, cancellationToken);
                _routes.Set(route);
            }

            await firstFormat.ClearStateAsync(cancellationToken);
        }
    }

    public async Task Register(QueueRoute route)
    {
        if (!_routes.TryGet(route.QueueId, out var known) || !Same(known, route))
        {
            await store.Save(route);
            _routes.Set(route);
        }
    }

    public Task<ImmutableArray<QueueRoute>> ServedBy(string teamId) => Task.FromResult(_routes.ServedBy(teamId));

    public Task<bool> Knows(string queueId) => Task.FromResult(_routes.Contains(queueId));

    public Task<IdPage> List(string afterId, int pageSize)
    {
        var ids = _routes.QueueIds.Where(id => string.CompareOrdinal(id, afterId) > 0).Take(pageSize + 1).ToList();
        return Task.FromResult(new IdPage([.. ids.Take(pageSize)], ids.Count > pageSize));
    }

    private static bool Same(QueueRoute a, QueueRoute b) =>
        a.HarmCategory == b.HarmCategory && a.MinimumProficiency == b.MinimumProficiency &&
        a.Languages.SequenceEqual(b.Languages) && a.ServingTeams.SequenceEqual(b.ServingTeams) && a.ExpectedHandleTime == b.ExpectedHandleTime && a.RequiredRole == b.RequiredRole;
}
