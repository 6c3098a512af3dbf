using SafetyPlatform.Silo.Api;

namespace SafetyPlatform.Api.Monitoring.V1;

// The generated messages already have these properties; this only names what they share.
public sealed partial class SpecialistStats : IDayNumbers;

public sealed partial class DayStats : IDayNumbers;
