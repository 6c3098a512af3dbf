using System.Collections.Immutable;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Work;

/// <summary>Stored routes of every queue.</summary>
[GenerateSerializer, Alias("safety.QueueDirectoryState")]
public sealed class QueueDirectoryState
{
    [Id(0)] public SortedDictionary<string, QueueRoute> Routes { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Every queue and the teams that serve it; a copy of each queue's own settings.</summary>
public sealed class QueueDirectoryGrain(
    [PersistentState("queues", StorageNames.Roster)] IPersistentState<QueueDirectoryState> state) : Grain, IQueueDirectoryGrain
{
    public async Task Register(QueueRoute route)
    {
        if (!state.State.Routes.TryGetValue(route.QueueId, out var known) || !Same(known, route))
        {
            await StateWrites.Commit(state, this, () => state.State.Routes[route.QueueId] = route);
        }
    }

    public Task<ImmutableArray<QueueRoute>> ServedBy(string teamId) =>
        Task.FromResult(state.State.Routes.Values.Where(r => r.ServingTeams.Contains(teamId)).ToImmutableArray());

    public Task<bool> Knows(string queueId) => Task.FromResult(state.State.Routes.ContainsKey(queueId));

    public Task<IdPage> List(string afterId, int pageSize)
    {
        var ids = state.State.Routes.Keys.Where(id => string.CompareOrdinal(id, afterId) > 0).Take(pageSize + 1).ToList();
        return Task.FromResult(new IdPage([.. ids.Take(pageSize)], ids.Count > pageSize));
    }

    private static bool Same(QueueRoute a, QueueRoute b) =>
        a.HarmCategory == b.HarmCategory && a.MinimumProficiency == b.MinimumProficiency &&
        a.Languages.SequenceEqual(b.Languages) && a.ServingTeams.SequenceEqual(b.ServingTeams);
}
