using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// A queue's rule for choosing completed items to audit: a share of them, and a higher share of
/// the work of specialists who are new or whose accuracy is below a threshold. A chosen item
/// becomes audit work in <see cref="AuditQueueId"/>, routed to auditors like any other work.
/// The choice is a draw fixed by the item's name, not a random number: asked again after a
/// restart, it chooses the same items, so an item is never sampled twice or dropped.
/// docs/METRICS.md, "Audit sampling".
/// </summary>
/// <param name="AuditQueueId">Where audit work goes.</param>
/// <param name="Share">The share of every specialist's completed items audited, 0–1.</param>
/// <param name="NewSpecialistShare">The share for a specialist in their first <paramref name="NewForDays"/> days, 0–1.</param>
/// <param name="NewForDays">How long a specialist counts as new, from their creation.</param>
/// <param name="AccuracyThreshold">Below this accuracy (0–1, over <see cref="AccuracyWindowDays"/> days) a specialist's share is <paramref name="BelowThresholdShare"/>; 0: no threshold.</param>
/// <param name="BelowThresholdShare">The share for a specialist below the threshold, 0–1.</param>
public sealed record AuditSampling(
    string AuditQueueId,
    double Share,
    double NewSpecialistShare,
    int NewForDays,
    double AccuracyThreshold,
    double BelowThresholdShare)
{
    /// <summary>The accuracy the threshold is compared with: the specialist's audits of the last 30 days, today included.</summary>
    public const int AccuracyWindowDays = 30;

    /// <summary>The share that applies to a specialist: the highest of those their record earns.</summary>
    public double ShareFor(AuditeeRecord record) => Math.Max(
        Share,
        Math.Max(
            record.Tenure < TimeSpan.FromDays(NewForDays) ? NewSpecialistShare : 0,
            record.Recent.Accuracy is { } accuracy && accuracy < AccuracyThreshold ? BelowThresholdShare : 0));

    /// <summary>Whether the item is chosen for a specialist with this record.</summary>
    public bool Picks(string itemName, AuditeeRecord record) => Draw(itemName) < ShareFor(record);

    /// <summary>
    /// Whether the item is chosen whoever did it (its draw is below the share for everyone), so
    /// the specialist's record need not be read.
    /// </summary>
    public bool PicksWhoever(string itemName) => Draw(itemName) < Share;

    /// <summary>Whether the item could be chosen for anyone: false lets it pass without reading the record.</summary>
    public bool MightPick(string itemName) => Draw(itemName) < Math.Max(Share, Math.Max(NewForDays > 0 ? NewSpecialistShare : 0, AccuracyThreshold > 0 ? BelowThresholdShare : 0));

    /// <summary>
    /// Whether an audit queue taking <paramref name="auditLanguages"/> takes audit work of every
    /// item of a queue taking <paramref name="sampledLanguages"/> (empty: any language): audit
    /// work keeps its item's language, and a queue refuses other languages.
    /// </summary>
    public static bool TakesEveryLanguageOf(IReadOnlyCollection<string> auditLanguages, IReadOnlyCollection<string> sampledLanguages) =>
        auditLanguages.Count == 0
        || sampledLanguages.Count > 0 && sampledLanguages.All(l => auditLanguages.Contains(l, StringComparer.OrdinalIgnoreCase));

    /// <summary>The client named on audit work: the platform itself, which no outbox serves.</summary>
    public const string AuditClient = "audit-sampling";

    /// <summary>
    /// The audit work for a completed item: its content, harm category and language, priority P2
    /// (the audit queue's own P2 SLA applies), and labels that tell the auditor what to audit.
    /// Its request id is the item's name, so enqueuing it twice makes one audit.
    /// </summary>
    public static WorkItemSubmission AuditWork(string itemName, WorkItem completed)
    {
        var specialistId = completed.Outcome?.SpecialistId ?? throw new ArgumentException($"{itemName} is not completed", nameof(completed));
        var audited = completed.Submission;
        return new WorkItemSubmission(
            AuditClient, itemName, audited.ContentId, audited.ContentUri, audited.HarmCategory, Priority.P2, audited.Language, null,
            System.Collections.Immutable.ImmutableDictionary<string, string>.Empty
                .Add("audited-item", itemName)
                .Add("audited-specialist", new SpecialistName(specialistId).ToString())
                .Add("decision", completed.Outcome.Decision),
            AuditedItem: itemName,
            AuditedSpecialist: specialistId);
    }

    /// <summary>The item's draw: a number in [0, 1) fixed by its name, spread evenly over the items.</summary>
    public static double Draw(string itemName) => (ulong)StableHash.Of(itemName) / 18446744073709551616.0;
}
