namespace SafetyPlatform.Domain.Work;

/// <summary>What an eligibility rule looks at, so that a caller asks the rules it has the facts for.</summary>
public enum EligibilityScope
{
    /// <summary>The specialist alone: deactivated, activity state, free slots.</summary>
    Specialist,
    /// <summary>The specialist against a queue: team, policy area, proficiency, the queue's languages.</summary>
    Queue,
    /// <summary>The specialist against the language of an item: the same for every item in that language.</summary>
    ItemLanguage,
    /// <summary>The specialist against one item: whether they rejected it before.</summary>
    Item,
}
