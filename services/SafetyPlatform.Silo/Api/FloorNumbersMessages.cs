using SafetyPlatform.Silo.Api;

namespace SafetyPlatform.Api.Monitoring.V1;

// The generated messages already have these properties; this only names what they share.
public sealed partial class TeamStats : IFloorNumbers;

public sealed partial class OrganisationStats : IFloorNumbers;
