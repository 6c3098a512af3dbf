using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// The floor the routing tests share: the hate-speech queue for English and German content
/// (queues/hate-en, served from Dublin, offers held for 30 seconds), a Wednesday in late
/// November, and the specialists on shift.
/// </summary>
internal static class WorkFixtures
{
    public const string QueueId = "hate-en";

    /// <summary>Midnight UTC of the day the tests happen on.</summary>
    public static DateTimeOffset Day { get; } = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Aoife, Dublin: hate speech, reads English and German.</summary>
    public static RoutingCandidate Aoife { get; } = Specialist("aoife", "en", "de");

    /// <summary>Bríd, Dublin: hate speech, reads English and German.</summary>
    public static RoutingCandidate Brid { get; } = Specialist("brid", "en", "de");

    /// <summary>Cian, Dublin: hate speech, reads English only.</summary>
    public static RoutingCandidate Cian { get; } = Specialist("cian", "en");

    /// <summary>Greta, Dublin: hate speech, reads German only.</summary>
    public static RoutingCandidate Greta { get; } = Specialist("greta", "de");

    /// <summary>Today at hh:mm(:ss), UTC.</summary>
    public static DateTimeOffset At(int hour, int minute, int second = 0) => Day + new TimeSpan(hour, minute, second);

    /// <summary>queues/hate-en as routing sees it: hate speech, English and German, served by Dublin.</summary>
    public static QueueRouting Routing(Proficiency minimum = Proficiency.Trainee) =>
        new(QueueId, new QueueRequirements(HarmCategory.HateSpeech, ["en", "de"], minimum), ["dublin"]);

    /// <summary>The rules of queues/hate-en: the floor's SLA, offers held 30 seconds, at most <paramref name="maxBacklog"/> waiting.</summary>
    public static QueueRules Rules(int maxBacklog = 1000, Proficiency minimum = Proficiency.Trainee) =>
        new(Routing(minimum), SlaPolicy.Default, TimeSpan.FromSeconds(30), maxBacklog);

    /// <summary>A Dublin specialist, proficient in hate speech and in each language they read.</summary>
    public static RoutingCandidate Specialist(string id, params string[] reads) =>
        SpecialistIn(id, "dublin", Proficiency.Proficient, [.. reads.Select(language => (language, Proficiency.Proficient))]);

    /// <summary>A specialist of <paramref name="team"/> with a level in hate speech and a level in each language they read.</summary>
    public static RoutingCandidate SpecialistIn(string id, string team, Proficiency hateSpeech, params (string Language, Proficiency Level)[] reads) =>
        new(id, team, new SkillSet(
            new Dictionary<HarmCategory, Proficiency> { [HarmCategory.HateSpeech] = hateSpeech },
            reads.ToDictionary(r => r.Language, r => r.Level, StringComparer.OrdinalIgnoreCase)));

    /// <summary>What the classifier sends for one post.</summary>
    public static WorkItemSubmission Submission(
        string requestId, Priority priority = Priority.P2, string language = "en", DateTimeOffset? deadline = null, string client = "hive-classifier") =>
        new(client, requestId, "post-" + requestId, "https://content.example/posts/" + requestId, HarmCategory.HateSpeech,
            priority, language, deadline, ImmutableDictionary<string, string>.Empty);

    /// <summary>Admits a new item <paramref name="itemId"/> arriving at <paramref name="arrival"/> (request id "r-" + item id).</summary>
    public static WorkItem Enqueue(
        this Backlog backlog, string itemId, DateTimeOffset arrival, Priority priority = Priority.P2, string language = "en", DateTimeOffset? deadline = null) =>
        backlog.Admit(Submission("r-" + itemId, priority, language, deadline), itemId, 0, arrival).Item;

    /// <summary>A waiting item of queues/hate-en that never was in a backlog, for rules that look at one item.</summary>
    public static WorkItem QueuedItem(string itemId, string language, params string[] skippedBy) =>
        new(itemId, 0, Submission("r-" + itemId, Priority.P2, language), WorkItemStatus.Queued, string.Empty, null,
            At(9, 0), At(17, 0), null, null, [.. skippedBy], []);

    /// <summary>A specialist's decision, before the backlog stamps its times and who made it.</summary>
    public static WorkOutcome Removal { get; } = new("remove", "hate-speech/dehumanisation", "slur in the caption", TimeSpan.Zero, default, string.Empty);
}
