namespace SafetyPlatform.Grains.Abstractions;

/// <summary>The kinds of refusal a grain can give; the API maps each to one gRPC status.</summary>
public enum SafetyErrorKind
{
    InvalidArgument = 1,
    NotFound = 2,
    AlreadyExists = 3,
    FailedPrecondition = 4,
    Aborted = 5,
    ResourceExhausted = 6,
    PermissionDenied = 7,
}

/// <summary>
/// A request refused by a business rule. Thrown before anything changes, so the caller
/// can rely on "refused" meaning "nothing happened".
/// </summary>
[GenerateSerializer, Alias("safety.SafetyException")]
public sealed class SafetyException : Exception
{
    public SafetyException()
    {
    }

    public SafetyException(string message)
        : base(message)
    {
    }

    public SafetyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SafetyException(SafetyErrorKind kind, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    /// <summary>What kind of refusal this is.</summary>
    [Id(0)]
    public SafetyErrorKind Kind { get; init; } = SafetyErrorKind.FailedPrecondition;

    /// <summary>For <see cref="SafetyErrorKind.InvalidArgument"/>: the request field at fault.</summary>
    [Id(1)]
    public string? Field { get; init; }

    public static SafetyException NotFound(string what) => new(SafetyErrorKind.NotFound, $"{what} was not found");

    public static SafetyException InvalidArgument(string field, string message) => new(SafetyErrorKind.InvalidArgument, message, field);

    public static SafetyException FailedPrecondition(string message) => new(SafetyErrorKind.FailedPrecondition, message);

    public static SafetyException AlreadyExists(string message) => new(SafetyErrorKind.AlreadyExists, message);

    public static SafetyException PermissionDenied(string message) => new(SafetyErrorKind.PermissionDenied, message);

    /// <summary>Refuses (ABORTED) an etag that is given and is not <paramref name="version"/>; an empty etag means "whatever is current".</summary>
    public static void EnsureCurrent(string what, long version, string? etag)
    {
        var current = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(etag) && etag != current)
        {
            throw StaleEtag(what, current);
        }
    }

    public static SafetyException StaleEtag(string what, string currentEtag) =>
        new(SafetyErrorKind.Aborted, $"{what} has changed since it was read (its etag is now \"{currentEtag}\"); read it again and retry");
}
