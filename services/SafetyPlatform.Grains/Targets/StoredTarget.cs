using System.Globalization;
using SafetyPlatform.Domain.Targets;

namespace SafetyPlatform.Grains.Targets;

/// <summary>A target as stored (JSON; dates as yyyy-MM-dd). Never rename the properties.</summary>
[GenerateSerializer, Alias("safety.StoredTarget")]
public sealed class StoredTarget
{
    [Id(0)] public string TargetId { get; set; } = string.Empty;

    [Id(1)] public TargetMetric Metric { get; set; }

    [Id(2)] public double? AtLeast { get; set; }

    [Id(3)] public double? AtMost { get; set; }

    [Id(4)] public string From { get; set; } = string.Empty;

    [Id(5)] public string To { get; set; } = string.Empty;

    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    [Id(7)] public string RequestId { get; set; } = string.Empty;

    /// <summary>Whether its end was looked at (and a miss alerted): it is never alerted again.</summary>
    [Id(8)] public bool EndChecked { get; set; }

    public Target Target => new(TargetId, Metric, AtLeast, AtMost, Day(From), Day(To));

    public static StoredTarget Of(Target target, string requestId, DateTimeOffset at) => new()
    {
        TargetId = target.TargetId,
        Metric = target.Metric,
        AtLeast = target.AtLeast,
        AtMost = target.AtMost,
        From = Text(target.From),
        To = Text(target.To),
        CreatedAt = at,
        RequestId = requestId,
    };

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
