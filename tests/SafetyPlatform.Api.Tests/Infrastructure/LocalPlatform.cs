using Grpc.Health.V1;
using Grpc.Net.Client;
using SafetyPlatform.Client;
using SafetyPlatform.Domain.Security;
using SafetyPlatform.Security;

namespace SafetyPlatform.Api.Tests.Infrastructure;

/// <summary>
/// The real platform on loopback, as processes: Azurite (table service, own port, temporary
/// folder), one silo and the gateway, built by the same build as the tests. Tests talk to
/// the gateway only. Stopped in reverse order: gateway, silo, then Azurite.
/// </summary>
public sealed class LocalPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);
    private readonly string _root = RepositoryRoot();
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("safety-azurite-").FullName;
    private readonly string _keyFolder = Directory.CreateTempSubdirectory("safety-keys-").FullName;
    private readonly LocalTokenIssuer _issuer = LocalTokenIssuer.Create();
    private readonly int _tablePort = Loopback.FreePort();
    private readonly int _siloGrpcPort = Loopback.FreePort();
    private readonly int _siloPort = Loopback.FreePort();
    private readonly int _gatewayPort = Loopback.FreePort();
    private ChildProcess? _azurite;
    private ChildProcess? _silo;
    private ChildProcess? _gateway;

    public string GatewayAddress => $"http://127.0.0.1:{_gatewayPort}";

    public string SiloAddress => $"http://127.0.0.1:{_siloGrpcPort}";

    public string StorageConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;";

    /// <summary>Azurite keeps tables in memory only: faster, for tests that do not restart Azurite.</summary>
    public bool InMemoryStorage { get; private init; }

    /// <summary>Extra configuration for the silo, as environment variables (`Section__Key`).</summary>
    private IReadOnlyDictionary<string, string> SiloSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra configuration for the gateway, as environment variables (`Section__Key`).</summary>
    private IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The token of the fixture's own connection: a platform admin with every scope, reaching everything.</summary>
    public static readonly TokenRequest Admin = new("people/test-admin", [CallerClaims.NameOf(CallerRole.PlatformAdmin)], Scopes.All, [Caller.Everything], [Caller.Everything], TimeSpan.FromHours(12));

    public static async Task<LocalPlatform> Start(bool inMemoryStorage = false, IReadOnlyDictionary<string, string>? siloSettings = null,
        IReadOnlyDictionary<string, string>? gatewaySettings = null)
    {
        var platform = new LocalPlatform
        {
            InMemoryStorage = inMemoryStorage,
            SiloSettings = siloSettings ?? new Dictionary<string, string>(),
            GatewaySettings = gatewaySettings ?? new Dictionary<string, string>(),
        };
        try
        {
            platform._issuer.Save(Path.Combine(platform._keyFolder, "issuer-key.pem"), platform.SigningKeysFile);
            File.WriteAllText(platform.AuditKeyFile, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            await platform.StartAzurite();
            await platform.StartSilo();
            await platform.StartGateway();
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client connection through the gateway, as a platform admin unless the options carry another token.</summary>
    public SafetyConnection Connect(SafetyConnectionOptions? options = null) =>
        SafetyConnection.Open(GatewayAddress, (options ?? new SafetyConnectionOptions()) is var o && o.AccessToken is null ? o with { AccessToken = MintToken(Admin) } : o);

    /// <summary>A connection through the gateway with a token saying what <paramref name="token"/> says.</summary>
    public SafetyConnection ConnectAs(TokenRequest token) => SafetyConnection.Open(GatewayAddress, new SafetyConnectionOptions { AccessToken = MintToken(token) });

    /// <summary>A connection straight to the silo, bypassing the gateway, with the given token (null: none).</summary>
    public SafetyConnection ConnectToSilo(string? accessToken) =>
        SafetyConnection.Open(SiloAddress, new SafetyConnectionOptions { AccessToken = accessToken, MaxAttempts = 1 });

    /// <summary>A token signed by this platform's local issuer.</summary>
    public string MintToken(TokenRequest token) => _issuer.Mint(token);

    /// <summary>The local issuer's key file and key set, for a token signed by another key or with another issuer.</summary>
    public string SigningKeysFile => Path.Combine(_keyFolder, "signing-keys.json");

    /// <summary>The silo's audit key (base64): kept apart from storage, as in production.</summary>
    public string AuditKeyFile => Path.Combine(_keyFolder, "audit.key");

    /// <summary>Stops the silo gracefully (SIGTERM) and waits for it to exit.</summary>
    public async Task StopSilo()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
            _silo = null;
        }
    }

    /// <summary>Kills the silo outright (SIGKILL): no shutdown, no goodbye to the cluster.</summary>
    public async Task KillSilo()
    {
        if (_silo is not null)
        {
            _silo.KillNow();
            await _silo.DisposeAsync();
            _silo = null;
        }
    }

    /// <summary>The gateway's own grpc.health.v1 status.</summary>
    public async Task<HealthCheckResponse.Types.ServingStatus> GatewayHealth()
    {
        using var channel = GrpcChannel.ForAddress(GatewayAddress);
        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
        return response.Status;
    }

    /// <summary>
    /// Sends the silo SIGTERM and watches its grpc.health.v1 status until it stops answering:
    /// returns the statuses seen, in order, once the process has exited.
    /// </summary>
    public async Task<IReadOnlyList<HealthCheckResponse.Types.ServingStatus>> StopSiloWatchingHealth()
    {
        var silo = _silo ?? throw new InvalidOperationException("no silo is running");
        using var channel = GrpcChannel.ForAddress(SiloAddress);
        var health = new Health.HealthClient(channel);
        var seen = new List<HealthCheckResponse.Types.ServingStatus>();
        silo.Terminate();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!silo.HasExited && DateTime.UtcNow < until)
        {
            try
            {
                var status = (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(1))).Status;
                if (seen.Count == 0 || seen[^1] != status)
                {
                    seen.Add(status);
                }
            }
            catch (Grpc.Core.RpcException)
            {
                // Closing down: connection refused or reset.
            }

            await Task.Delay(25);
        }

        await StopSilo();
        return seen;
    }

    /// <summary>Starts a silo again on the same ports and waits until the gateway routes to it.</summary>
    public async Task StartSiloAgain()
    {
        await StartSilo();
        await WaitForServing(GatewayAddress, () => _gateway!.Tail() + _silo!.Tail());
    }

    public string Diagnostics() => string.Concat(_gateway?.Tail(), _silo?.Tail(), _azurite?.Tail());

    /// <summary>The running processes by name (azurite, silo, gateway), for measuring what each costs.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds =>
        new[] { _azurite, _silo, _gateway }.OfType<ChildProcess>().ToDictionary(p => p.Name, p => p.Pid);

    public async ValueTask DisposeAsync()
    {
        // Silos must stop before storage: a silo whose storage vanished hangs in shutdown.
        foreach (var process in new[] { _gateway, _silo, _azurite })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        _issuer.Dispose();
        foreach (var folder in new[] { _dataFolder, _keyFolder })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    private async Task StartAzurite()
    {
        var azurite = Path.Combine(_root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}; run `npm ci` in {_root} (the test script does).");
        }

        _azurite = ChildProcess.Start("azurite", "node",
            // Azurite reports every request to Application Insights unless told not to; nothing here should leave the machine.
            [azurite, "--tableHost", "127.0.0.1", "--tablePort", _tablePort.ToString(), "--silent", "--disableTelemetry",
                .. InMemoryStorage ? new[] { "--inMemoryPersistence" } : ["--location", _dataFolder]],
            _root);
        await Loopback.WaitUntil(() => Loopback.Accepts(_tablePort), StartDeadline, _azurite.Tail);
    }

    private async Task StartSilo()
    {
        var settings = new Dictionary<string, string>(SiloSettings)
        {
            ["Urls"] = SiloAddress,
            ["Storage__ConnectionString"] = StorageConnectionString,
            ["Orleans__SiloPort"] = _siloPort.ToString(),
            ["Orleans__GatewayPort"] = "0",
            ["Orleans__ClusterId"] = "test",
        };
        AddSecurity(settings);
        settings["Security__AuditKeyFile"] = AuditKeyFile;
        _silo = StartDotnet("silo", "SafetyPlatform.Silo", settings);
        await WaitForServing(SiloAddress, _silo.Tail);
    }

    private async Task StartGateway()
    {
        var settings = new Dictionary<string, string>(GatewaySettings)
        {
            ["Urls"] = GatewayAddress,
            ["Gateway__Silos__0"] = SiloAddress,
            ["Gateway__HealthCheckInterval"] = "00:00:00.500",
        };
        AddSecurity(settings);
        _gateway = StartDotnet("gateway", "SafetyPlatform.Gateway", settings);
        await WaitForServing(GatewayAddress, _gateway.Tail);
    }

    /// <summary>Both hosts trust the local issuer; reflection is open, as in development.</summary>
    private void AddSecurity(Dictionary<string, string> settings)
    {
        settings["Security__SigningKeysFile"] = SigningKeysFile;
        settings["Security__Issuer"] = _issuer.Issuer;
        settings["Security__Audience"] = _issuer.Audience;
        settings.TryAdd("Security__Reflection", "true");
    }

    private ChildProcess StartDotnet(string name, string project, Dictionary<string, string> environment)
    {
        // The test assembly lives in tests/<project>/bin/<configuration>/<tfm>/; services are built alongside.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var output = Path.Combine(_root, "services", project, "bin", configuration, testOutput.Name);
        var dll = Path.Combine(output, project + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing; build the solution first.");
        }

        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return ChildProcess.Start(name, "dotnet", [dll], output, environment);
    }

    /// <summary>Polls grpc.health.v1 until SERVING.</summary>
    private static async Task WaitForServing(string address, Func<string> explain)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var health = new Health.HealthClient(channel);
        await Loopback.WaitUntil(
            async () => (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status == HealthCheckResponse.Types.ServingStatus.Serving,
            StartDeadline,
            explain);
    }

    /// <summary>The folder holding SafetyPlatform.sln, above the test's output.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SafetyPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SafetyPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
