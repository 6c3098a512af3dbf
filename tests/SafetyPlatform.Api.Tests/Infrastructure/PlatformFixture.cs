using SafetyPlatform.Client;

namespace SafetyPlatform.Api.Tests.Infrastructure;

/// <summary>One platform shared by the end-to-end tests that do not restart anything.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public LocalPlatform Platform { get; private set; } = null!;

    public SafetyConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await LocalPlatform.Start(gatewaySettings: new Dictionary<string, string>
        {
            // A small bucket that never refills during a run, for the rate-limit test (AccessEndToEndTests); no other test calls Echo.
            ["Gateway__RateLimits__diagnostics.read__TokenLimit"] = "5",
            ["Gateway__RateLimits__diagnostics.read__TokensPerPeriod"] = "1",
            ["Gateway__RateLimits__diagnostics.read__ReplenishmentPeriod"] = "01:00:00",
        });
        Connection = Platform.Connect();
    }

    public async Task DisposeAsync()
    {
        Connection?.Dispose();
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
