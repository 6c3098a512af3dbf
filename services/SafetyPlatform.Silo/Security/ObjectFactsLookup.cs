using SafetyPlatform.Domain.Security;
using SafetyPlatform.Grains;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Silo.Security;

/// <summary>
/// Looks up what the object rules need to know about a named object, and only what this caller's
/// rule reads: nothing for an admin, for a specialist's own record, or for a tool's queue (its
/// grant names the queue); a specialist's team; the teams serving a queue; who handled an item.
/// Never cached, so a move or a queue change counts from the next call.
/// </summary>
public sealed class ObjectFactsLookup(IGrainFactory grains)
{
    public async Task<ObjectFacts> Resolve(Caller caller, AccessObject target)
    {
        if (caller.IsAdmin)
        {
            return ObjectFacts.Plain(target);
        }

        switch (target.Kind)
        {
            case ObjectKind.Specialist when caller.SpecialistId != target.Id:
                var specialist = await grains.Reference<ISpecialistGrain>(target.Id).Find();
                return new ObjectFacts(target, specialist is null ? null : [specialist.TeamId], []);
            case ObjectKind.Queue or ObjectKind.QueueItems or ObjectKind.WorkItem when caller.IsService:
                return ObjectFacts.Plain(target);
            case ObjectKind.Queue or ObjectKind.QueueItems:
            case ObjectKind.WorkItem when caller.ManagesTeams:
                return new ObjectFacts(target, await ServingTeams(target.Id), []);
            case ObjectKind.WorkItem:
                return await Handlers(target);
            default:
                return ObjectFacts.Plain(target);
        }
    }

    private async Task<IReadOnlyCollection<string>?> ServingTeams(string queueId)
    {
        try
        {
            return (await grains.Reference<IQueueGrain>(queueId).Get()).Settings.ServingTeams;
        }
        catch (SafetyException e) when (e.Kind == SafetyErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>A specialist reaches an item they were offered, held or handled: its holder and every specialist in its history.</summary>
    private async Task<ObjectFacts> Handlers(AccessObject target)
    {
        try
        {
            var item = await grains.Reference<IQueueGrain>(target.Id).GetItem(target.ItemId!);
            // Only actors that are specialists: routing's own events name "system", which is not anyone's record.
            var handlers = item.History.Select(e => e.Actor)
                .Select(actor => Domain.Naming.SpecialistName.TryParse(actor, out var name) ? name.SpecialistId : null)
                .Append(item.Holder.Length > 0 ? item.Holder : null)
                .OfType<string>().ToHashSet(StringComparer.Ordinal);
            return new ObjectFacts(target, [], handlers);
        }
        catch (SafetyException e) when (e.Kind == SafetyErrorKind.NotFound)
        {
            return new ObjectFacts(target, null, []);
        }
    }
}
