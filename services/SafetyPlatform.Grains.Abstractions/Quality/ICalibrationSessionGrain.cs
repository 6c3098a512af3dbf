using System.Collections.Immutable;

namespace SafetyPlatform.Grains.Abstractions.Quality;

/// <summary>One calibration session, keyed by its id: several auditors audit the same completed items.</summary>
public interface ICalibrationSessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the session once every item is found completed (NotFound, FailedPrecondition naming
    /// the item otherwise). A session of this id already opened: AlreadyExists, unless
    /// <paramref name="requestId"/> is the one that opened it (the session is given back).
    /// </summary>
    Task<CalibrationSessionView> Create(string displayName, ImmutableArray<string> auditors, ImmutableArray<string> items, string requestId);

    /// <summary>The session with its verdicts and results (NotFound before it is opened).</summary>
    Task<CalibrationSessionView> Get();

    /// <summary>Records one auditor's verdict on one item (PermissionDenied, FailedPrecondition, AlreadyExists: nothing recorded).</summary>
    Task<CalibrationSessionView> Submit(string item, AuditSubmission verdict);
}
