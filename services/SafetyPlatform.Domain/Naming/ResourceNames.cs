namespace SafetyPlatform.Domain.Naming;

/// <summary>`teams/{team}`.</summary>
public readonly record struct TeamName(string TeamId)
{
    public const string Collection = "teams";

    public static bool TryParse(string? name, out TeamName parsed)
    {
        var ok = ResourceIds.TryParse(name, Collection, out var id);
        parsed = new TeamName(id);
        return ok;
    }

    public override string ToString() => $"{Collection}/{TeamId}";
}

/// <summary>`specialists/{specialist}`.</summary>
public readonly record struct SpecialistName(string SpecialistId)
{
    public const string Collection = "specialists";

    public static bool TryParse(string? name, out SpecialistName parsed)
    {
        var ok = ResourceIds.TryParse(name, Collection, out var id);
        parsed = new SpecialistName(id);
        return ok;
    }

    public override string ToString() => $"{Collection}/{SpecialistId}";
}

/// <summary>`queues/{queue}`.</summary>
public readonly record struct QueueName(string QueueId)
{
    public const string Collection = "queues";

    public static bool TryParse(string? name, out QueueName parsed)
    {
        var ok = ResourceIds.TryParse(name, Collection, out var id);
        parsed = new QueueName(id);
        return ok;
    }

    /// <summary>The name of one of this queue's items.</summary>
    public WorkItemName Item(string itemId) => new(QueueId, itemId);

    public override string ToString() => $"{Collection}/{QueueId}";
}

/// <summary>`teams/{team}/alerts/{alert}`: one of a team lead's alerts.</summary>
public readonly record struct AlertName(string TeamId, string AlertId)
{
    public const string Collection = "alerts";

    public static bool TryParse(string? name, out AlertName parsed)
    {
        parsed = default;
        var parts = name?.Split('/') ?? [];
        if (parts.Length != 4 || parts[0] != TeamName.Collection || parts[2] != Collection ||
            !ResourceIds.IsValidId(parts[1]) || !ResourceIds.IsValidId(parts[3]))
        {
            return false;
        }

        parsed = new AlertName(parts[1], parts[3]);
        return true;
    }

    public override string ToString() => $"{TeamName.Collection}/{TeamId}/{Collection}/{AlertId}";
}

/// <summary>`queues/{queue}/stats`: a queue's live statistics, a singleton beneath it.</summary>
public readonly record struct QueueStatsName(string QueueId)
{
    public const string Singleton = "stats";

    public override string ToString() => $"{QueueName.Collection}/{QueueId}/{Singleton}";
}

/// <summary>`queues/{queue}/workItems/{work_item}`.</summary>
public readonly record struct WorkItemName(string QueueId, string ItemId)
{
    public const string Collection = "workItems";

    public QueueName Queue => new(QueueId);

    public static bool TryParse(string? name, out WorkItemName parsed)
    {
        parsed = default;
        var parts = name?.Split('/') ?? [];
        if (parts.Length != 4 || parts[0] != QueueName.Collection || parts[2] != Collection ||
            !ResourceIds.IsValidId(parts[1]) || !ResourceIds.IsValidId(parts[3]))
        {
            return false;
        }

        parsed = new WorkItemName(parts[1], parts[3]);
        return true;
    }

    public override string ToString() => $"{QueueName.Collection}/{QueueId}/{Collection}/{ItemId}";
}

/// <summary>`queues/{queue}/workItems/{work_item}/audits/{audit}`: one audit of a completed item.</summary>
public readonly record struct AuditName(WorkItemName Item, string AuditId)
{
    public const string Collection = "audits";

    public static bool TryParse(string? name, out AuditName parsed)
    {
        parsed = default;
        var cut = name?.LastIndexOf("/" + Collection + "/", StringComparison.Ordinal) ?? -1;
        if (cut < 0 || !WorkItemName.TryParse(name![..cut], out var item) || name[(cut + Collection.Length + 2)..] is var id && !IsAuditNumber(id))
        {
            return false;
        }

        parsed = new AuditName(item, id);
        return true;
    }

    public override string ToString() => $"{Item}/{Collection}/{AuditId}";

    /// <summary>An item's audits are numbered from 1.</summary>
    private static bool IsAuditNumber(string id) => id.Length is > 0 and <= 9 && id[0] != '0' && id.All(char.IsAsciiDigit);
}

/// <summary>`clients/{client}`: a tool of another team, as a caller (an auditor, say).</summary>
public readonly record struct ClientName(string ClientId)
{
    public const string Collection = "clients";

    public static bool TryParse(string? name, out ClientName parsed)
    {
        var ok = ResourceIds.TryParse(name, Collection, out var id);
        parsed = new ClientName(id);
        return ok;
    }

    public override string ToString() => $"{Collection}/{ClientId}";
}

/// <summary>`teams/{team}/wellbeingPolicy`: a team's wellbeing policy, one per team.</summary>
public readonly record struct WellbeingPolicyName(string TeamId)
{
    public const string Singleton = "wellbeingPolicy";

    public override string ToString() => $"{TeamName.Collection}/{TeamId}/{Singleton}";
}

/// <summary>`people/{person}`: someone who calls the platform without being a specialist of the roster (an operations manager, wellbeing staff, an admin).</summary>
public readonly record struct PersonName(string PersonId)
{
    public const string Collection = "people";

    public static bool TryParse(string? name, out PersonName parsed)
    {
        var ok = ResourceIds.TryParse(name, Collection, out var id);
        parsed = new PersonName(id);
        return ok;
    }

    public override string ToString() => $"{Collection}/{PersonId}";
}
