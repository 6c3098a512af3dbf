namespace SafetyPlatform.Domain.Work;

/// <summary>Why a rule refused a request; the API maps each to one gRPC status.</summary>
public enum RefusalKind
{
    InvalidArgument = 1,
    NotFound = 2,
    FailedPrecondition = 4,
    ResourceExhausted = 6,
}
