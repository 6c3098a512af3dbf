using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// Pages through a queue's items. Open statuses come from memory, in id order. Finished items
/// live in storage by partition, so a listing that includes them walks the partitions in
/// arrival order, each in id order (key `{partition}/{last id}`), reading at most a few
/// partitions' archives per page; a page may so hold fewer items than asked, with a key to go on.
/// </summary>
internal static class WorkItemListing
{
    private const int PartitionsReadPerPage = 4;

    public static bool OnlyOpen(WorkItemStatus status) => status is WorkItemStatus.Queued or WorkItemStatus.Reserved or WorkItemStatus.Handling;

    public static (IReadOnlyList<WorkItem> Items, string NextKey) Open(Backlog backlog, WorkItemStatus status, string afterId, int pageSize)
    {
        var items = backlog.ListAfter(status, afterId).Take(pageSize + 1).ToList();
        return items.Count > pageSize ? (items[..pageSize], items[pageSize - 1].ItemId) : (items, string.Empty);
    }

    public static async Task<(IReadOnlyList<WorkItem> Items, string NextKey)> AcrossPartitions(
        Backlog backlog, FinishedItems finished, int lastPartition, WorkItemStatus status, string afterKey, int pageSize)
    {
        var (from, afterId) = Parse(afterKey);
        var open = backlog.OpenItems.Where(i => Matches(i, status)).GroupBy(i => i.Partition).ToDictionary(g => g.Key, g => g.ToList());
        var page = new List<WorkItem>(pageSize);
        var read = 0;
        for (var partition = from; partition <= lastPartition; partition++)
        {
            if (page.Count == pageSize)
            {
                return (page, Key(partition, string.Empty));
            }

            var items = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
            if (finished.Ledger.HasFinished(partition))
            {
                read++;
                // An item escalated away and back is open again elsewhere: list it once, as it is now.
                foreach (var item in (await finished.InPartition(partition)).Where(i => Matches(i, status) && backlog.Find(i.ItemId) is null))
                {
                    items[item.ItemId] = item;
                }
            }

            foreach (var item in open.GetValueOrDefault(partition) ?? [])
            {
                items[item.ItemId] = item;
            }

            var next = items.Values.Where(i => partition != from || string.CompareOrdinal(i.ItemId, afterId) > 0)
                .OrderBy(i => i.ItemId, StringComparer.Ordinal).ToList();
            var room = pageSize - page.Count;
            page.AddRange(next.Take(room));
            if (next.Count > room)
            {
                return (page, Key(partition, page[^1].ItemId));
            }

            if (read >= PartitionsReadPerPage && partition < lastPartition)
            {
                return (page, Key(partition + 1, string.Empty));
            }
        }

        return (page, string.Empty);
    }

    private static bool Matches(WorkItem item, WorkItemStatus status) => status == WorkItemStatus.Unspecified || item.Status == status;

    private static string Key(int partition, string afterId) => $"{partition:D5}/{afterId}";

    private static (int Partition, string AfterId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && int.TryParse(key.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var partition) && partition >= 0
            ? (partition, key[(slash + 1)..])
            : (0, string.Empty);
    }
}
