using System.Net;
using System.Net.Sockets;

namespace SafetyPlatform.Api.Tests.Infrastructure;

/// <summary>Ports and readiness on 127.0.0.1.</summary>
public static class Loopback
{
    /// <summary>A port that was free a moment ago (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until <paramref name="ready"/> answers true, or fails after <paramref name="deadline"/>.</summary>
    public static async Task WaitUntil(Func<Task<bool>> ready, TimeSpan deadline, Func<string> explain)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
                // Not up yet.
            }

            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"not ready after {deadline}\n{explain()}");
            }

            await Task.Delay(20);
        }
    }

    public static async Task<bool> Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
