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
        var first = WorkItemTables.Name("hate-speech-en", 0);

        Assert.All(Enumerable.Range(1, 4), p => Assert.Equal(first, WorkItemTables.Name("hate-speech-en", p)));
        Assert.NotEqual(first, WorkItemTables.Name("hate-speech-en", 5));
        Assert.Equal(WorkItemTables.Name("hate-speech-en", 5), WorkItemTables.Name("hate-speech-en", 9));
    }

    [Fact]
    public void Queues_whose_ids_differ_only_by_a_hyphen_get_different_tables()
    {
        Assert.NotEqual(WorkItemTables.Name("hate-speech", 0), WorkItemTables.Name("hatespeech", 0));
    }

    [Theory]
    [InlineData("q", 0)]
    [InlineData("a-queue-id-of-the-longest-length-allowed-which-is-63-characters", 499_999)]
    public void Names_are_valid_azure_table_names(string queueId, int partition)
    {
        Assert.Matches(AzureTableName(), WorkItemTables.Name(queueId, partition));
    }

    [Fact]
    public void A_negative_partition_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkItemTables.Name("q", -1));
    }
}
