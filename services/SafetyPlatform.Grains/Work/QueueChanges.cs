using System.Collections.Immutable;

namespace SafetyPlatform.Grains.Work;

/// <summary>Applies field-mask changes to queue settings. Paths are the API's field names.</summary>
public static class QueueChanges
{
    public static readonly ImmutableArray<string> Fields =
        ["display_name", "sla_policy", "reservation_timeout", "max_backlog", "serving_teams", "minimum_proficiency", "severity", "language_codes", "escalation_queue", "expected_handle_time", "audit_sampling", "required_role"];

    public static QueueSettings Apply(QueueSettings current, QueueSettings values, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            current = field switch
            {
                "display_name" => current with { DisplayName = values.DisplayName },
                "sla_policy" => current with { Sla = values.Sla },
                "reservation_timeout" => current with { ReservationTimeout = values.ReservationTimeout },
                "max_backlog" => current with { MaxBacklog = values.MaxBacklog },
                "serving_teams" => current with { ServingTeams = values.ServingTeams },
                "minimum_proficiency" => current with { MinimumProficiency = values.MinimumProficiency },
                "severity" => current with { Severity = values.Severity },
                "language_codes" => current with { Languages = values.Languages },
                "escalation_queue" => current with { EscalationQueue = values.EscalationQueue },
                "expected_handle_time" => current with { ExpectedHandleTime = values.ExpectedHandleTime },
                "audit_sampling" => current with { AuditSampling = values.AuditSampling },
                "required_role" => current with { RequiredRole = values.RequiredRole },
                _ => throw SafetyException.InvalidArgument("update_mask", $"'{field}' is not a field of a queue that can be updated"),
            };
        }

        return current;
    }
}
