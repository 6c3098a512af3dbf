using System.Text.Json.Serialization;

namespace SafetyPlatform.Domain.Work;

/// <summary>
/// What happened to a work item, as its history records it. The stored names are a contract
/// (pages written by earlier builds spell them so): rename a member freely, never its stored name.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkItemAction>))]
public enum WorkItemAction
{
    /// <summary>Not an action (the zero value); a stored name not listed here is refused when read.</summary>
    [JsonStringEnumMemberName("unspecified")] Unspecified = 0,
    /// <summary>A client put the item in the queue.</summary>
    [JsonStringEnumMemberName("enqueued")] Enqueued,
    /// <summary>Routing reserved it for one specialist, who may accept or reject.</summary>
    [JsonStringEnumMemberName("offered")] Offered,
    /// <summary>The specialist took the offer and started work.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,
    /// <summary>The specialist turned the offer down; they are not offered it again.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,
    /// <summary>The offer was not answered in time.</summary>
    [JsonStringEnumMemberName("expired")] Expired,
    /// <summary>Routing took back an offer the specialist never saw (another queue's came first).</summary>
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
    /// <summary>The holder gave the item back unfinished.</summary>
    [JsonStringEnumMemberName("released")] Released,
    /// <summary>The holder finished it with an outcome.</summary>
    [JsonStringEnumMemberName("completed")] Completed,
    /// <summary>The holder sent it to another queue.</summary>
    [JsonStringEnumMemberName("escalated")] Escalated,
    /// <summary>The item arrived here, escalated from another queue.</summary>
    [JsonStringEnumMemberName("escalated_in")] EscalatedIn,
    /// <summary>The holder handed it to a colleague, as an offer to them.</summary>
    [JsonStringEnumMemberName("transferred")] Transferred,
}
