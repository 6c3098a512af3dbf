namespace SafetyPlatform.Domain.Work;

/// <summary>
/// A request on work items refused by a rule of the business. Thrown before anything changes,
/// so "refused" always means "nothing happened".
/// </summary>
public sealed class WorkRefusedException : Exception
{
    public WorkRefusedException()
    {
    }

    public WorkRefusedException(string message)
        : base(message)
    {
    }

    public WorkRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WorkRefusedException(RefusalKind kind, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    public RefusalKind Kind { get; } = RefusalKind.FailedPrecondition;

    /// <summary>For <see cref="RefusalKind.InvalidArgument"/>: the request field at fault.</summary>
    public string? Field { get; }
}
