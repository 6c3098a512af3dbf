
namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>A team's wellbeing policy and its revisions, as stored.</summary>
[GenerateSerializer, Alias("safety.TeamWellbeingState")]
public sealed class TeamWellbeingState
{
    /// <summary>Every revision, oldest first; none while the team runs on the defaults.</summary>
    [Id(0)] public List<StoredPolicyRevision> Revisions { get; set; } = [];
}
