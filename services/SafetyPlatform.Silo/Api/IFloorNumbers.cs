using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Monitoring.V1;

namespace SafetyPlatform.Silo.Api;

/// <summary>
/// The live numbers a message carries under the same field names: a team's (<c>TeamStats</c>)
/// and a set of teams' (<c>OrganisationStats</c>), so one mapping fills both.
/// </summary>
public interface IFloorNumbers
{
    RepeatedField<StateCount> MembersByState { get; }

    int OnQueue { get; set; }

    int NeededSpecialists { get; set; }

    int Completions { get; set; }

    double SlaAttainment { get; set; }

    Duration? AverageHandleTime { get; set; }

    double Occupancy { get; set; }

    SafetyPlatform.Api.Type.V1.QualityStats Quality { get; set; }
}
