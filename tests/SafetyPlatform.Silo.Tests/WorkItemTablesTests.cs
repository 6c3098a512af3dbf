using System.Text.RegularExpressions;
using SafetyPlatform.Silo.Storage;

namespace SafetyPlatform.Silo.Tests;

public sealed partial class WorkItemTablesTests
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex AzureTableName();

    [Fact]
    public void Five_partitions_of_2000_items_share_a_table_and_the_sixth_starts_the_next()
    {
        var first = WorkItemTables.Journal("hate-speech-en", 0);

        Assert.All(Enumerable.Range(1, 4), p => Assert.Equal(first, WorkItemTables.Journal("hate-speech-en", p)));
        Assert.NotEqual(first, WorkItemTables.Journal("hate-speech-en", 5));
        Assert.Equal(WorkItemTables.Journal("hate-speech-en", 5), WorkItemTables.Journal("hate-speech-en", 9));
    }

    [Fact]
    public void Queues_whose_ids_differ_only_by_a_hyphen_get_different_tables()
    {
        Assert.NotEqual(WorkItemTables.Journal("hate-speech", 0), WorkItemTables.Journal("hatespeech", 0));
    }

    [Theory]
    [InlineData("q", 0)]
    [InlineData("a-queue-id-of-the-longest-length-allowed-which-is-63-characters", 499_999)]
    public void Names_are_valid_azure_table_names(string queueId, int partition)
    {
        Assert.Matches(AzureTableName(), WorkItemTables.Journal(queueId, partition));
    }

    [Fact]
    public void A_negative_partition_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkItemTables.Journal("q", -1));
    }

    [Fact]
    public void A_partition_s_archive_is_a_table_apart_from_its_journal_of_the_same_generation()
    {
        Assert.NotEqual(WorkItemTables.Journal("hate-speech-en", 3), WorkItemTables.Archive("hate-speech-en", 3));
        Assert.Equal(WorkItemTables.Archive("hate-speech-en", 0), WorkItemTables.Archive("hate-speech-en", 4));
        Assert.StartsWith("Done", WorkItemTables.Archive("hate-speech-en", 0), StringComparison.Ordinal);
    }
}
