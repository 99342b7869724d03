using Microsoft.AspNetCore.Hosting;
using MassTransit.Configuration;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.IntegrationTests.Support;

/// <summary>The real onboarding service, in process, on its own database and a broker address chosen by the test.</summary>
public sealed class OnboardingFactory(string databaseConnectionString, string messagingConnectionString, bool relayEnabled = true)
    : WebApplicationFactory<OnboardingDbContext>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:onboardingdb", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", messagingConnectionString);
        builder.UseSetting("Messaging:Outbox:RelayEnabled", relayEnabled.ToString());
        builder.UseSetting("Messaging:Outbox:PublishTimeout", "00:00:03");
        builder.UseSetting("Messaging:Outbox:MaxRetryDelay", "00:00:01");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Token validation is configured at start-up but only reached by authenticated calls, which these tests do not make.
        builder.UseSetting("Portal:PublicUrl", "http://localhost:8080");
        builder.UseSetting("services:identity:http:0", "http://127.0.0.1:1");
        // Publisher only: its consumers would otherwise compete with the running onboarding service on the same queues
        // and apply other tests' messages to this throw-away database. The named endpoints go too: without consumers they
        // would still take messages from those queues, and skip them. Without consumers it keeps no copies, so it asks
        // no source for a snapshot either (its outbox holds only the tests' events).
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IConsumerRegistration>();
            services.RemoveAll<IEndpointRegistration>();
            services.RemoveAll<Opco.Messaging.Copies.CopySource>();
        });
    }

    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OnboardingDbContext>().Database.MigrateAsync();
    }

    /// <summary>The establishment of <see cref="AccountRequestPayloads.ValidSiret"/> in this database's registry, unpublished.</summary>
    public async Task RegisterValidSiretAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
        var (company, _) = Company.Register(new CompanyDetails(AccountRequestPayloads.ValidSiret[..9], "ATELIER DÉMO", 42, null, null), DateTimeOffset.UtcNow);
        company!.AddEstablishment(new EstablishmentDetails(AccountRequestPayloads.ValidSiret, "Atelier Démo – Siège", "12 rue de la République", "69002", "LYON"));
        db.Companies.Add(company);
        await db.SaveChangesAsync();
    }

    public async Task<int> PendingEventsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OnboardingDbContext>().OutboxMessages.CountAsync(m => m.SentAt == null);
    }

    /// <summary>The unsent events the relay tried and failed to publish, with the error it recorded.</summary>
    public async Task<List<(int Attempts, string? LastError)>> FailedEventsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var failed = await scope.ServiceProvider.GetRequiredService<OnboardingDbContext>().OutboxMessages
            .Where(m => m.SentAt == null && m.Attempts > 0).Select(m => new { m.Attempts, m.LastError }).ToListAsync();
        return [.. failed.Select(f => (f.Attempts, f.LastError))];
    }
}
