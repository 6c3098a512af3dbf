namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// Golden items: known-answer items a QA lead seeds into a queue. Completed, one is scored at
/// once: correct when the specialist's decision is the known answer (the same words, ignoring
/// case and the spaces around them). Counted in golden accuracy, apart from audits.
/// </summary>
public static class GoldenItems
{
    public static bool IsCorrect(string answer, string decision) =>
        string.Equals(answer.Trim(), decision.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The golden item's score, as a tally to add to the specialist's and the queue's.</summary>
    public static QualityTally Score(string answer, string decision) => QualityTally.OfGolden(IsCorrect(answer, decision));

    /// <summary>What a completion adds to quality: a golden item's score; nothing (null) for any other item.</summary>
    public static QualityTally? ScoreOf(Work.WorkItemSubmission submission, Work.WorkOutcome outcome) =>
        submission.GoldenAnswer is { } answer ? Score(answer, outcome.Decision) : null;
}
