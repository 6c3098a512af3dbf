namespace SafetyPlatform.Domain.Work;

/// <summary>One specialist's finished work on one UTC day.</summary>
public sealed record DailyWorkTotals(string SpecialistId, DateOnly Day, int Handled, TimeSpan HandleTime, int Escalated);
