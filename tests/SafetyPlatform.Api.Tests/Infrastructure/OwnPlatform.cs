namespace SafetyPlatform.Api.Tests.Infrastructure;

/// <summary>
/// For tests that stop, kill or reconfigure the platform's processes: each test gets a platform
/// of its own, stopped when the test ends, pass or fail.
/// </summary>
public abstract class OwnPlatform(
    bool inMemoryStorage = false,
    IReadOnlyDictionary<string, string>? siloSettings = null,
    IReadOnlyDictionary<string, string>? gatewaySettings = null) : IAsyncLifetime
{
    protected LocalPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync() => Platform = await LocalPlatform.Start(inMemoryStorage, siloSettings, gatewaySettings);

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}
