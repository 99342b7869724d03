using Opco.Testing;

namespace Opco.IntegrationTests;

/// <summary>The portal started once per test run from the AppHost's app model; injected into test class constructors.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private PortalApp? _app;

    public PortalApp App => _app ?? throw new InvalidOperationException("The application is not started.");

    public async ValueTask InitializeAsync() => _app = await PortalApp.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
