using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>A platform of its own, because it kills its silo: a policy change acknowledged before survives it (a queue's override too), and so does its audit.</summary>
public sealed class WellbeingPolicyDurabilityTests : OwnPlatform
{
    [Fact]
    public async Task A_killed_silo_loses_no_policy_revision()
    {
        using var connection = Platform.Connect();
        var team = await NewTeam(connection.Roster);
        var name = team.Name + "/wellbeingPolicy";
        var priority = await connection.Work.CreateQueueAsync(new CreateQueueRequest
        {
            QueueId = Unique("priority"),
            Queue = new Queue { DisplayName = "Priority reports", HarmCategory = HarmCategory.ChildSafety, ServingTeams = { team.Name } },
        });
        var changed = await connection.Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = new WellbeingPolicy
            {
                Name = name,
                Budgets = { new ExposureBudget { HarmCategory = HarmCategory.AnimalCruelty, TimePerDay = Duration.FromTimeSpan(TimeSpan.FromHours(3)), ItemsPerShift = 30 } },
                HighHarmCutOff = "15:30",
                QueueOverrides =
                {
                    new QueueWellbeingOverride
                    {
                        Queue = priority.Name,
                        Budgets = { new ExposureBudget { HarmCategory = HarmCategory.ChildSafety, TimePerDay = Duration.FromTimeSpan(TimeSpan.FromHours(2)) } },
                        CoolDown = Duration.FromTimeSpan(TimeSpan.FromMinutes(30)),
                        MaxConsecutiveHighHarm = 2,
                        HighHarmCutOff = "14:00",
                    },
                },
            },
            UpdateMask = new FieldMask { Paths = { "budgets", "high_harm_cut_off", "queue_overrides" } },
            Reason = "winter hours",
            Actor = "specialists/lead-orla",
        });

        await Platform.KillSilo();
        await Platform.StartSiloAgain();

        Assert.Equal(changed, await connection.Wellbeing.GetWellbeingPolicyAsync(new GetWellbeingPolicyRequest { Name = name }));
        var audit = Assert.Single((await connection.Wellbeing.ListWellbeingPolicyRevisionsAsync(new ListWellbeingPolicyRevisionsRequest { Parent = name })).Revisions);
        Assert.Equal(("specialists/lead-orla", "winter hours"), (audit.Actor, audit.Reason));
    }
}
