namespace SafetyPlatform.Grains.Roster;

/// <summary>
/// One request id's outcome. Calls are handled one at a time, so two racing creates with
/// the same request id agree on one resource id.
/// </summary>
public sealed class RequestLedgerGrain(
    [PersistentState("request", StorageNames.Roster)] IPersistentState<RequestLedgerState> state) : Grain, IRequestLedgerGrain
{
    public async Task<string> Claim(string fingerprint, string proposedId)
    {
        if (state.State.ResourceId.Length > 0)
        {
            return state.State.Fingerprint == fingerprint
                ? state.State.ResourceId
                : throw SafetyException.InvalidArgument("request_id", "request_id was already used for a different request");
        }

        await StateWrites.Commit(state, this, () =>
        {
            state.State.Fingerprint = fingerprint;
            state.State.ResourceId = proposedId;
        });
        return proposedId;
    }
}
