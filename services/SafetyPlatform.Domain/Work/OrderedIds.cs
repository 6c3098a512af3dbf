namespace SafetyPlatform.Domain.Work;

/// <summary>Paging over a sorted set of ids.</summary>
public static class OrderedIds
{
    /// <summary>The ids strictly after <paramref name="afterId"/> (all of them when it is empty), in order.</summary>
    public static IEnumerable<string> After(this SortedSet<string> ids, string afterId)
    {
        if (afterId.Length == 0)
        {
            return ids;
        }

        if (ids.Count == 0 || string.CompareOrdinal(afterId, ids.Max) >= 0)
        {
            return [];
        }

        return ids.GetViewBetween(afterId, ids.Max!).Where(id => id != afterId);
    }
}
