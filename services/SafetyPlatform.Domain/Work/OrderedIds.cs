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

    /// <summary>Two id-ordered sequences as one, in id order.</summary>
    public static IEnumerable<T> MergeById<T>(IEnumerable<T> first, IEnumerable<T> second, Func<T, string> idOf)
    {
        using var a = first.GetEnumerator();
        using var b = second.GetEnumerator();
        var hasA = a.MoveNext();
        var hasB = b.MoveNext();
        while (hasA || hasB)
        {
            if (hasA && (!hasB || string.CompareOrdinal(idOf(a.Current), idOf(b.Current)) <= 0))
            {
                yield return a.Current;
                hasA = a.MoveNext();
            }
            else
            {
                yield return b.Current;
                hasB = b.MoveNext();
            }
        }
    }
}
