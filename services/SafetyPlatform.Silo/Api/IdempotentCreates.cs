using System.Security.Cryptography;
using Google.Protobuf;
using SafetyPlatform.Grains;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Silo.Api;

/// <summary>Request ids for creates (AIP-155), shared by every service.</summary>
public static class IdempotentCreates
{
    /// <summary>
    /// Maps a create's request id to the id of the resource it makes, so a retry reaches the
    /// same resource. The fingerprint is the request without its request id; the same request
    /// id with another request is INVALID_ARGUMENT.
    /// </summary>
    public static async Task<string> ClaimRequest<T>(this IGrainFactory grains, string operation, string requestId, T request,
        Action<T> clearRequestId, string proposedId)
        where T : IMessage<T>
    {
        if (requestId.Length == 0)
        {
            return proposedId;
        }

        var copy = request.Clone();
        clearRequestId(copy);
        var fingerprint = Convert.ToHexString(SHA256.HashData(copy.ToByteArray()));
        return await grains.Reference<IRequestLedgerGrain>($"{operation}/{requestId}").Claim(fingerprint, proposedId);
    }
}
