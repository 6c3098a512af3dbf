using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Domain.Security;

/// <summary>The thing a request names, read from one of its fields: a kind and its ids.</summary>
public sealed record AccessObject(ObjectKind Kind, string Id, string? ItemId = null)
{
    public static readonly AccessObject Organisation = new(ObjectKind.Organisation, string.Empty);

    /// <summary>
    /// Reads a field's value. A client field holds a bare client id; every other field a resource
    /// name whose first segments say what it is under (so `teams/{t}/alerts/{a}` is team t).
    /// Null when the value is empty or names nothing we know.
    /// </summary>
    public static AccessObject? Of(string value, ObjectKind declared)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (declared == ObjectKind.Client)
        {
            return ResourceIds.IsValidId(value) ? new AccessObject(ObjectKind.Client, value) : null;
        }

        var parts = value.Split('/');
        if (parts.Length < 2 || !ResourceIds.IsValidId(parts[1]))
        {
            return null;
        }

        return parts[0] switch
        {
            TeamName.Collection => new AccessObject(ObjectKind.Team, parts[1]),
            SpecialistName.Collection => new AccessObject(ObjectKind.Specialist, parts[1]),
            QueueName.Collection when parts.Length >= 4 && parts[2] == WorkItemName.Collection =>
                ResourceIds.IsValidId(parts[3]) ? new AccessObject(ObjectKind.WorkItem, parts[1], parts[3]) : null,
            QueueName.Collection => new AccessObject(declared == ObjectKind.QueueItems ? ObjectKind.QueueItems : ObjectKind.Queue, parts[1]),
            CalibrationSessionCollection => Organisation,
            _ => null,
        };
    }

    private const string CalibrationSessionCollection = "calibrationSessions";
}
