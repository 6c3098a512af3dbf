using System.Reflection;
using System.Text.Json.Serialization;

namespace SafetyPlatform.Domain.Work;

/// <summary>The names of work-item actions as stored and as the API spells them (`offered`, `escalated_in`).</summary>
public static class WorkItemActionNames
{
    private static readonly Dictionary<WorkItemAction, string> Names = Enum.GetValues<WorkItemAction>().ToDictionary(
        action => action,
        action => typeof(WorkItemAction).GetField(action.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    public static string Name(this WorkItemAction action) => Names[action];
}
