using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Roster;

/// <summary>Stored state of a team.</summary>
[GenerateSerializer, Alias("safety.TeamState")]
public sealed class TeamState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public TeamProfile Profile { get; set; } = new(string.Empty, string.Empty, string.Empty, string.Empty, "Etc/UTC");
    [Id(2)] public DateTimeOffset CreateTime { get; set; }
    [Id(3)] public DateTimeOffset UpdateTime { get; set; }
    [Id(4)] public long Version { get; set; }
    [Id(5)] public string CreateRequestId { get; set; } = string.Empty;
    /// <summary>Every specialist who joined and has not left, active or deactivated.</summary>
    [Id(6)] public SortedSet<string> MemberIds { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Stored state of a specialist.</summary>
[GenerateSerializer, Alias("safety.SpecialistState")]
public sealed class SpecialistState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string TeamId { get; set; } = string.Empty;
    [Id(2)] public SpecialistProfile Profile { get; set; } = new(string.Empty, FloorRole.Specialist, [], [], 1, string.Empty, string.Empty);
    [Id(3)] public ActivityState ActivityState { get; set; } = ActivityState.Offline;
    [Id(4)] public DateTimeOffset ActivityStateStart { get; set; }
    [Id(5)] public Dictionary<ActivityState, TimeSpan> CompletedActivityTime { get; set; } = [];
    [Id(6)] public DateTimeOffset? DeactivateTime { get; set; }
    [Id(7)] public DateTimeOffset CreateTime { get; set; }
    [Id(8)] public DateTimeOffset UpdateTime { get; set; }
    [Id(9)] public long Version { get; set; }
    [Id(10)] public string CreateRequestId { get; set; } = string.Empty;
    /// <summary>Number of committed activity transitions in the history store.</summary>
    [Id(11)] public long TransitionCount { get; set; }
}

/// <summary>Stored list of team ids.</summary>
[GenerateSerializer, Alias("safety.TeamDirectoryState")]
public sealed class TeamDirectoryState
{
    [Id(0)] public SortedSet<string> TeamIds { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Stored outcome of one idempotent create.</summary>
[GenerateSerializer, Alias("safety.RequestLedgerState")]
public sealed class RequestLedgerState
{
    [Id(0)] public string Fingerprint { get; set; } = string.Empty;
    [Id(1)] public string ResourceId { get; set; } = string.Empty;
}

/// <summary>Applies field-mask changes to profiles. Paths are the API's field names.</summary>
public static class ProfileChanges
{
    public static readonly ImmutableArray<string> TeamFields = ["display_name", "lead", "site", "vendor", "time_zone"];

    public static readonly ImmutableArray<string> SpecialistFields =
        ["display_name", "role", "policy_skills", "language_skills", "max_concurrent_items", "site", "vendor"];

    public static TeamProfile Apply(TeamProfile current, TeamProfile values, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            current = field switch
            {
                "display_name" => current with { DisplayName = values.DisplayName },
                "lead" => current with { Lead = values.Lead },
                "site" => current with { Site = values.Site },
                "vendor" => current with { Vendor = values.Vendor },
                "time_zone" => current with { TimeZone = values.TimeZone },
                _ => throw SafetyException.InvalidArgument("update_mask", $"'{field}' is not a field of a team that can be updated"),
            };
        }

        return current;
    }

    public static SpecialistProfile Apply(SpecialistProfile current, SpecialistProfile values, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            current = field switch
            {
                "display_name" => current with { DisplayName = values.DisplayName },
                "role" => current with { Role = values.Role },
                "policy_skills" => current with { PolicySkills = values.PolicySkills },
                "language_skills" => current with { LanguageSkills = values.LanguageSkills },
                "max_concurrent_items" => current with { MaxConcurrentItems = values.MaxConcurrentItems },
                "site" => current with { Site = values.Site },
                "vendor" => current with { Vendor = values.Vendor },
                _ => throw SafetyException.InvalidArgument("update_mask", $"'{field}' is not a field of a specialist that can be updated"),
            };
        }

        return current;
    }

    /// <summary>Profiles hold arrays, so record equality is by reference; compare by content.</summary>
    public static bool SameAs(this SpecialistProfile a, SpecialistProfile b) =>
        a.DisplayName == b.DisplayName && a.Role == b.Role && a.MaxConcurrentItems == b.MaxConcurrentItems &&
        a.Site == b.Site && a.Vendor == b.Vendor &&
        a.PolicySkills.SequenceEqual(b.PolicySkills) && a.LanguageSkills.SequenceEqual(b.LanguageSkills);
}
