using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Domain.Tests;

/// <summary>The typed resource names the API adapters use instead of building and cutting strings.</summary>
public class ResourceNamesTests
{
    [Fact]
    public void Each_name_formats_as_the_api_spells_it_and_parses_back()
    {
        Assert.Equal("teams/dublin-hate", new TeamName("dublin-hate").ToString());
        Assert.Equal("specialists/aoife", new SpecialistName("aoife").ToString());
        Assert.Equal("queues/hate-en", new QueueName("hate-en").ToString());
        Assert.Equal("queues/hate-en/workItems/wabc234", new QueueName("hate-en").Item("wabc234").ToString());

        Assert.True(TeamName.TryParse("teams/dublin-hate", out var team));
        Assert.Equal("dublin-hate", team.TeamId);
        Assert.True(SpecialistName.TryParse("specialists/aoife", out var specialist));
        Assert.Equal("aoife", specialist.SpecialistId);
        Assert.True(QueueName.TryParse("queues/hate-en", out var queue));
        Assert.Equal("hate-en", queue.QueueId);
        Assert.True(WorkItemName.TryParse("queues/hate-en/workItems/wabc234", out var item));
        Assert.Equal(("hate-en", "wabc234", "queues/hate-en"), (item.QueueId, item.ItemId, item.Queue.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("queues/hate-en")]
    [InlineData("queues/hate-en/workItems/")]
    [InlineData("queues/Hate/workItems/wabc")]
    [InlineData("teams/hate-en/workItems/wabc")]
    [InlineData("queues/hate-en/items/wabc")]
    [InlineData("queues/hate-en/workItems/wabc/extra")]
    public void A_malformed_work_item_name_is_refused(string name) =>
        Assert.False(WorkItemName.TryParse(name, out _));

    [Theory]
    [InlineData("specialists/aoife")]
    [InlineData("queues/")]
    [InlineData("queues/a/b")]
    [InlineData("Queues/a")]
    public void A_name_of_another_shape_is_not_a_queue(string name) =>
        Assert.False(QueueName.TryParse(name, out _));
}
