using SafetyPlatform.Client;

namespace SafetyPlatform.Api.Tests.Infrastructure;

/// <summary>One platform shared by the end-to-end tests that do not restart anything.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public LocalPlatform Platform { get; private set; } = null!;

    public SafetyConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await LocalPlatform.Start();
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
