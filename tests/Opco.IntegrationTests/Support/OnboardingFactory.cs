using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Opco.Onboarding.Data;

namespace Opco.IntegrationTests.Support;

/// <summary>The real onboarding service, in process, on its own database and a broker address chosen by the test.</summary>
public sealed class OnboardingFactory(string databaseConnectionString, string messagingConnectionString, bool relayEnabled = true)
    : WebApplicationFactory<OnboardingDbContext>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:onboardingdb", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", messagingConnectionString);
        builder.UseSetting("Messaging:Outbox:RelayEnabled", relayEnabled.ToString());
        builder.UseSetting("Messaging:Outbox:PublishTimeout", "00:00:03");
        builder.UseSetting("Messaging:Outbox:MaxRetryDelay", "00:00:01");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Token validation is configured at start-up but only reached by authenticated calls, which these tests do not make.
        builder.UseSetting("Portal:PublicUrl", "http://localhost:8080");
        builder.UseSetting("services:identity:http:0", "http://127.0.0.1:1");
    }

    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OnboardingDbContext>().Database.MigrateAsync();
    }

    public async Task<int> PendingEventsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OnboardingDbContext>().OutboxMessages.CountAsync(m => m.SentAt == null);
    }
}
