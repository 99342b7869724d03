using Opco.Testing;

namespace Opco.IntegrationTests;

/// <summary>The application started once per test run by the AppHost in test mode; injected into test class constructors.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private DistributedAppHost? _app;

    public DistributedAppHost App => _app ?? throw new InvalidOperationException("The application is not started.");

    public async ValueTask InitializeAsync() => _app = await DistributedAppHost.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
