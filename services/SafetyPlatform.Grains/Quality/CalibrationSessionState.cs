namespace SafetyPlatform.Grains.Quality;

/// <summary>A calibration session as stored (JSON: plain lists). Never rename the properties.</summary>
[GenerateSerializer, Alias("safety.CalibrationSessionState")]
public sealed class CalibrationSessionState
{
    [Id(0)] public bool Created { get; set; }

    [Id(1)] public string DisplayName { get; set; } = string.Empty;

    [Id(2)] public List<string> Auditors { get; set; } = [];

    /// <summary>Item names, in order, with the decision each audits.</summary>
    [Id(3)] public List<string> Items { get; set; } = [];

    [Id(4)] public List<string> Decisions { get; set; } = [];

    /// <summary>Verdicts given, in the order given; the request id is not kept.</summary>
    [Id(5)] public List<StoredCalibrationVerdict> Verdicts { get; set; } = [];

    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    [Id(7)] public string RequestId { get; set; } = string.Empty;
}
