namespace SafetyPlatform.Security;

/// <summary>
/// The access rule of one gRPC method: the scope its token needs (checked by the gateway and again
/// by the silo), the fields naming what it acts on and who acts (checked by the silo against the
/// object rules), and what the audit log records.
/// </summary>
public sealed record MethodAccess(string Method, string Scope, IReadOnlyList<ObjectField> Objects, IReadOnlyList<ActorField> Actors, AuditClass Audit)
{
    /// <summary>The scope's group for rate limits: its capability and verb, e.g. `work.enqueue`.</summary>
    public string RateGroup => Scope;

    /// <summary>`/safety.work.v1.WorkService/EnqueueWorkItem` → `safety.work.v1.WorkService`.</summary>
    public string Service => Method.Split('/')[1];

    /// <summary>`/safety.work.v1.WorkService/EnqueueWorkItem` → `EnqueueWorkItem`.</summary>
    public string Name => Method.Split('/')[2];
}
