using SafetyPlatform.Domain.Security;

namespace SafetyPlatform.Domain.Tests;

/// <summary>A chain of three entries written out, and what each kind of tampering does to it.</summary>
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static List<AuditRecord> ThreeEntries()
    {
        var first = AuditChain.Append("c1", AuditChainHead.Start, Nine, "people/lena", "/safety.roster.v1.RosterService/SetActivityState", "specialists/ana", "OK");
        var second = AuditChain.Append("c1", AuditChainHead.Of(first), Nine.AddSeconds(1), "people/lena", "/safety.wellbeing.v1.WellbeingService/GetExposure", "specialists/ana/exposure", "OK");
        var third = AuditChain.Append("c1", AuditChainHead.Of(second), Nine.AddSeconds(2), "people/lena", "/safety.wellbeing.v1.WellbeingService/GetExposure", "specialists/ben/exposure", "PERMISSION_DENIED");
        return [first, second, third];
    }

    [Fact]
    public void Entries_are_numbered_from_one_and_each_links_to_the_hash_of_the_one_before()
    {
        var chain = ThreeEntries();

        Assert.Equal([1L, 2L, 3L], chain.Select(e => e.Sequence));
        Assert.Equal(new string('0', 64), chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Equal(chain[1].Hash, chain[2].PreviousHash);
        Assert.All(chain, e => Assert.Equal(64, e.Hash.Length));
    }

    [Fact]
    public void An_untouched_chain_verifies_to_its_head()
    {
        var chain = ThreeEntries();

        var check = AuditChain.Verify("c1", chain, AuditChainHead.Of(chain[2]));

        Assert.True(check.Intact);
        Assert.Equal(3, check.EntriesChecked);
    }

    [Fact]
    public void A_changed_field_breaks_the_chain_at_that_entry()
    {
        var chain = ThreeEntries();
        chain[1] = chain[1] with { Resource = "specialists/aoife/exposure" };

        var check = AuditChain.Verify("c1", chain, AuditChainHead.Of(chain[2]));

        Assert.False(check.Intact);
        Assert.Equal(2, check.FirstBrokenSequence);
        Assert.Contains("changed", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_entry_with_its_hash_recomputed_breaks_the_link_of_the_next()
    {
        var chain = ThreeEntries();
        var forged = chain[1] with { Result = "OK", Resource = "specialists/aoife/exposure" };
        chain[1] = forged with { Hash = AuditChain.HashOf("c1", 2, forged.Time, forged.Caller, forged.Method, forged.Resource, forged.Result, forged.PreviousHash) };

        var check = AuditChain.Verify("c1", chain, AuditChainHead.Of(ThreeEntries()[2]));

        Assert.Equal(3, check.FirstBrokenSequence);
        Assert.Contains("link", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_entry_is_a_gap_and_a_removed_last_entry_falls_short_of_the_head()
    {
        var chain = ThreeEntries();
        var head = AuditChainHead.Of(chain[2]);

        var gap = AuditChain.Verify("c1", [chain[0], chain[2]], head);
        var shortened = AuditChain.Verify("c1", [chain[0], chain[1]], head);

        Assert.Equal(2, gap.FirstBrokenSequence);
        Assert.Equal(3, shortened.FirstBrokenSequence);
        Assert.Contains("head says 3", shortened.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_key_a_chain_rewritten_by_someone_without_it_does_not_verify()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var first = AuditChain.Append("c1", AuditChainHead.Start, Nine, "people/lena", "/safety.roster.v1.RosterService/SetActivityState", "specialists/ana", "OK", key);
        var second = AuditChain.Append("c1", AuditChainHead.Of(first), Nine.AddSeconds(1), "people/lena", "/safety.wellbeing.v1.WellbeingService/GetExposure", "specialists/ana/exposure", "OK", key);
        // The whole chain forged from the first entry on, hashes and head recomputed, but without the key.
        var forgedFirst = AuditChain.Append("c1", AuditChainHead.Start, Nine, "people/lena", "/safety.roster.v1.RosterService/SetActivityState", "specialists/aoife", "OK");
        var forgedSecond = AuditChain.Append("c1", AuditChainHead.Of(forgedFirst), Nine.AddSeconds(1), "people/lena", "/safety.wellbeing.v1.WellbeingService/GetExposure", "specialists/ana/exposure", "OK");

        Assert.True(AuditChain.Verify("c1", [first, second], AuditChainHead.Of(second), key).Intact);
        Assert.NotEqual(AuditChain.HashOf("c1", 1, Nine, "a", "b", "c", "OK", AuditChain.Genesis), AuditChain.HashOf("c1", 1, Nine, "a", "b", "c", "OK", AuditChain.Genesis, key));
        var forged = AuditChain.Verify("c1", [forgedFirst, forgedSecond], AuditChainHead.Of(forgedSecond), key);
        Assert.False(forged.Intact);
        Assert.Equal(1, forged.FirstBrokenSequence);
    }

    [Fact]
    public void An_entry_moved_to_another_chain_does_not_verify_there()
    {
        var chain = ThreeEntries();

        Assert.False(AuditChain.Verify("c2", chain, AuditChainHead.Of(chain[2])).Intact);
    }
}
