using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Domain.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("teams/dublin-hate", true, "dublin-hate")]
    [InlineData("teams/a", true, "a")]
    [InlineData("teams/", false, "")]
    [InlineData("teams/Dublin", false, "")]
    [InlineData("teams/1abc", false, "")]
    [InlineData("teams/abc-", false, "")]
    [InlineData("teams/a/b", false, "")]
    [InlineData("specialists/abc", false, "")]
    [InlineData("", false, "")]
    public void Team_names_are_parsed_strictly(string name, bool ok, string id)
    {
        Assert.Equal(ok, ResourceIds.TryParse(name, Collections.Teams, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("queues/hate-en/workItems/r-1/audits/1", true, "1")]
    [InlineData("queues/hate-en/workItems/r-1/audits/27", true, "27")]
    [InlineData("queues/hate-en/workItems/r-1/audits/0", false, "")]
    [InlineData("queues/hate-en/workItems/r-1/audits/01", false, "")]
    [InlineData("queues/hate-en/workItems/r-1/audits/a", false, "")]
    [InlineData("queues/hate-en/workItems/r-1/audits/", false, "")]
    [InlineData("queues/hate-en/audits/1", false, "")]
    [InlineData("queues/hate-en/workItems/r-1", false, "")]
    public void Audit_names_are_numbered_within_their_item(string name, bool ok, string auditId)
    {
        Assert.Equal(ok, AuditName.TryParse(name, out var parsed));
        Assert.Equal(auditId, parsed.AuditId ?? string.Empty);
        if (ok)
        {
            Assert.Equal(name, parsed.ToString());
        }
    }

    [Fact]
    public void Ids_longer_than_63_characters_are_refused()
    {
        Assert.True(ResourceIds.IsValidId("a" + new string('b', 62)));
        Assert.False(ResourceIds.IsValidId("a" + new string('b', 63)));
    }

    [Fact]
    public void Generated_ids_are_valid_and_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ResourceIds.NewId('t')).ToHashSet();
        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.True(ResourceIds.IsValidId(id), id));
    }

    [Fact]
    public void A_page_token_round_trips_and_belongs_to_its_list()
    {
        var token = PageTokens.Encode("teams", "dublin-hate");

        Assert.True(PageTokens.TryDecode(token, "teams", out var after));
        Assert.Equal("dublin-hate", after);
        Assert.False(PageTokens.TryDecode(token, "specialists:teams/x:False", out _));
        Assert.False(PageTokens.TryDecode("not a token!", "teams", out _));
        Assert.True(PageTokens.TryDecode("", "teams", out var first));
        Assert.Equal("", first);
    }

    [Theory]
    [InlineData(0, true, 50)]
    [InlineData(1, true, 1)]
    [InlineData(1000, true, 1000)]
    [InlineData(1001, false, 1001)]
    [InlineData(-1, false, -1)]
    public void Page_sizes(int requested, bool ok, int resolved)
    {
        Assert.Equal(ok, PageTokens.TryResolvePageSize(requested, out var size));
        Assert.Equal(resolved, size);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("pt-BR", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("english", false)]
    [InlineData("e", false)]
    [InlineData("en_GB", false)]
    public void Language_tags(string tag, bool ok) => Assert.Equal(ok, TextRules.IsLanguageTag(tag));

    [Theory]
    [InlineData("Europe/Dublin", true)]
    [InlineData("Etc/UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    public void Time_zones(string zone, bool ok) => Assert.Equal(ok, TextRules.IsTimeZone(zone));

    [Fact]
    public void Text_with_control_characters_or_too_long_is_refused()
    {
        Assert.True(TextRules.IsCleanText("Aoife Byrne", 200));
        Assert.False(TextRules.IsCleanText("Aoife\u0000", 200));
        Assert.False(TextRules.IsCleanText(new string('x', 201), 200));
    }
}
