using Azure.Data.Tables;
using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Silo.Storage;

/// <summary>A <see cref="QualityTally"/> as columns of a stats row; a row written before audits existed reads as none.</summary>
internal static class QualityColumns
{
    public static TableEntity WithQuality(this TableEntity row, QualityTally? quality)
    {
        var tally = quality ?? QualityTally.None;
        row["Audited"] = tally.Audited;
        row["Agreed"] = tally.Agreed;
        row["ScoreSum"] = tally.ScoreSum;
        row["GoldenScored"] = tally.GoldenScored;
        row["GoldenCorrect"] = tally.GoldenCorrect;
        return row;
    }

    public static QualityTally Quality(this TableEntity row) => new(
        row.GetInt32("Audited") ?? 0, row.GetInt32("Agreed") ?? 0, row.GetInt64("ScoreSum") ?? 0, row.GetInt32("GoldenScored") ?? 0, row.GetInt32("GoldenCorrect") ?? 0);
}
