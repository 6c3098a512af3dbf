using Google.Protobuf.WellKnownTypes;

namespace SafetyPlatform.Silo.Api;

/// <summary>Timestamps and durations from requests, read without throwing: null when they are not valid protobuf values, so a check can name the field.</summary>
public static class ProtoTimes
{
    /// <summary>A timestamp as a time, or null when it is out of the protobuf range.</summary>
    public static DateTimeOffset? AsTime(Timestamp t) =>
        t.Nanos is >= 0 and < 1_000_000_000 && t.Seconds is >= -62_135_596_800 and <= 253_402_300_799 ? t.ToDateTimeOffset() : null;

    /// <summary>A duration as a TimeSpan, or null when it is not a valid protobuf duration (mixed signs, nanos out of range).</summary>
    public static TimeSpan? AsTimeSpan(Duration d) =>
        d.Nanos is > -1_000_000_000 and < 1_000_000_000 && Math.Abs(d.Seconds) <= 315_576_000_000 &&
        (d.Seconds >= 0 && d.Nanos >= 0 || d.Seconds <= 0 && d.Nanos <= 0)
            ? d.ToTimeSpan()
            : null;
}
