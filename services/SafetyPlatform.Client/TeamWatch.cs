using System.Runtime.CompilerServices;
using Grpc.Core;
using SafetyPlatform.Api.Roster.V1;

namespace SafetyPlatform.Client;

/// <summary>Keeps a WatchTeam stream going across silo restarts and network blips.</summary>
public static class TeamWatch
{
    /// <summary>
    /// Yields the team's roster updates until <paramref name="cancellationToken"/> fires. When
    /// the stream breaks with a transient status it reconnects, and the first message after a
    /// reconnect is a fresh snapshot (<see cref="WatchTeamResponse.Snapshot"/>), so a consumer
    /// that replaces its view on every snapshot never misses a change.
    /// </summary>
    public static async IAsyncEnumerable<WatchTeamResponse> WatchTeamContinuously(
        this RosterService.RosterServiceClient roster,
        string team,
        TimeSpan? retryDelay = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var delay = retryDelay ?? TimeSpan.FromMilliseconds(500);
        while (!cancellationToken.IsCancellationRequested)
        {
            using var call = roster.WatchTeam(new WatchTeamRequest { Name = team }, cancellationToken: cancellationToken);
            var enumerator = call.ResponseStream.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                WatchTeamResponse? next;
                try
                {
                    next = await enumerator.MoveNextAsync() ? enumerator.Current : null;
                }
                catch (RpcException e) when (IsTransient(e.StatusCode) && !cancellationToken.IsCancellationRequested)
                {
                    next = null;
                }

                if (next is null)
                {
                    break;
                }

                yield return next;
            }

            await enumerator.DisposeAsync();
            await Task.Delay(delay, cancellationToken);
        }
    }

    private static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.Cancelled or StatusCode.Internal or StatusCode.Aborted or StatusCode.DeadlineExceeded;
}
