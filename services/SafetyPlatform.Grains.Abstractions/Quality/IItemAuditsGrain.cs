using System.Collections.Immutable;

namespace SafetyPlatform.Grains.Abstractions.Quality;

/// <summary>The audits of one work item, keyed by the item's name (`queues/{queue}/workItems/{item}`).</summary>
public interface IItemAuditsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records an audit once it is durable, then counts it for the specialist who completed the
    /// item and for the item's queue. Refused (nothing recorded): the item unknown (NotFound) or
    /// not completed (FailedPrecondition), the auditor completed it (PermissionDenied), the
    /// auditor audited it already (AlreadyExists; the same request id gives the audit back).
    /// </summary>
    Task<AuditView> Submit(AuditSubmission submission);

    /// <summary>The item's audits, oldest first.</summary>
    Task<ImmutableArray<AuditView>> List();
}
