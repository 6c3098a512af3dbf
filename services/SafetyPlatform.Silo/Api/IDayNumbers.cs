using Google.Protobuf.WellKnownTypes;

namespace SafetyPlatform.Silo.Api;

/// <summary>
/// The day's numbers a message carries under the same field names: a specialist's day so far
/// (<c>SpecialistStats</c>) and a closed day (<c>DayStats</c>), so one mapping fills both.
/// </summary>
public interface IDayNumbers
{
    int Handled { get; set; }

    int CompletedWithinSla { get; set; }

    double SlaAttainment { get; set; }

    Duration AverageHandleTime { get; set; }

    int Offers { get; set; }

    int Rejected { get; set; }

    int Expired { get; set; }

    int Released { get; set; }

    int Escalated { get; set; }

    Duration LoggedInTime { get; set; }

    Duration HandlingTime { get; set; }

    double Occupancy { get; set; }

    double Utilisation { get; set; }

    SafetyPlatform.Api.Type.V1.QualityStats Quality { get; set; }
}
