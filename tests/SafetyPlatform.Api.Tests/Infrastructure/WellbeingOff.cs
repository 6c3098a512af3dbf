using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Client;

namespace SafetyPlatform.Api.Tests.Infrastructure;

/// <summary>
/// Routing tests and benchmarks that are not about wellbeing run their teams under a policy with
/// no limits, so that the defaults (a micro-break after 10 harmful items, say) do not change what
/// they measure.
/// </summary>
public static class WellbeingOff
{
    public static Task For(SafetyConnection connection, string teamName) => connection.Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
    {
        Policy = new WellbeingPolicy
        {
            Name = teamName + "/wellbeingPolicy",
            CoolDown = Duration.FromTimeSpan(TimeSpan.Zero),
            MaxConsecutiveHighHarm = 1_000_000,
            MicroBreakAfter = 1_000_000,
            MicroBreak = Duration.FromTimeSpan(TimeSpan.Zero),
            WellnessBreakAfter = Duration.FromTimeSpan(TimeSpan.FromHours(24)),
            WellnessBreak = Duration.FromTimeSpan(TimeSpan.FromMinutes(1)),
            RotationAfter = Duration.FromTimeSpan(TimeSpan.FromHours(24)),
        },
        UpdateMask = new FieldMask { Paths = { "*" } },
        Reason = "routing measured without wellbeing limits",
        Actor = "tests",
    }).ResponseAsync;
}
