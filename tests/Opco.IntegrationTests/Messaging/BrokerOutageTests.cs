using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Opco.IntegrationTests.Support;
using Opco.Testing;

namespace Opco.IntegrationTests.Messaging;

/// <summary>
/// Nothing a user submits is lost: the real onboarding service commits the request and its event together,
/// and the real notification service of the running system e-mails the requester once the event gets through.
/// </summary>
public sealed class BrokerOutageTests(AppFixture fixture)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task The_stand_in_onboarding_listens_on_no_queue_of_the_running_system()
    {
        // It shares the broker with the running onboarding service: a queue it listened on would take that service's
        // messages away from it (other tests then wait in vain for onboarding's copies).
        var database = await TestDatabase.CreateAsync(fixture.App.GetConnectionString("onboardingdb"), "listens");
        await using var onboarding = new OnboardingFactory(database, fixture.App.GetConnectionString("messaging")!);
        await onboarding.MigrateAsync();
        var bus = onboarding.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

        using var probe = JsonDocument.Parse(JsonSerializer.Serialize(bus.GetProbeResult().Results));
        // The probe lists one endpoint as an object, several as an array.
        var listed = probe.RootElement.GetProperty("bus").GetProperty("host").GetProperty("receiveEndpoint");
        var endpoints = listed.ValueKind == JsonValueKind.Array ? listed.EnumerateArray().ToList() : [listed];
        var queues = endpoints
            .Select(endpoint => endpoint.GetProperty("receiveTransport"))
            .Select(transport => (Name: transport.GetProperty("queueName").GetString(), Temporary: transport.GetProperty("autoDelete").GetBoolean()))
            .ToList();
        Assert.NotEmpty(queues);
        Assert.All(queues, queue => Assert.True(queue.Temporary, $"the stand-in listens on {queue.Name}"));
    }

    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_is_delivered_once_it_is_back()
    {
        var messaging = new Uri(fixture.App.GetConnectionString("messaging"));
        await using var proxy = new TcpProxy(messaging.Host, messaging.Port);
        var database = await TestDatabase.CreateAsync(fixture.App.GetConnectionString("onboardingdb"), "outage");
        await using var onboarding = new OnboardingFactory(database, new UriBuilder(messaging) { Port = proxy.Port }.Uri.ToString());
        await onboarding.MigrateAsync();
        await onboarding.RegisterValidSiretAsync();
        var email = TestEmails.Unique("panne");

        proxy.Cut();
        var response = await onboarding.CreateClient().PostAsJsonAsync("/api/onboarding/account-requests", AccountRequestPayloads.Valid(email));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // The relay tried while the broker was away (its failure is recorded on the event), and the event is kept.
        await Eventually.HoldsAsync(async () => (await onboarding.FailedEventsAsync()) is [{ Attempts: > 0, LastError: not null }], Delivery,
            "the relay records its failed attempt");
        Assert.Equal(1, await onboarding.PendingEventsAsync());
        Assert.Empty(await fixture.App.MailDev.GetMessagesAsync(email));

        proxy.Restore();
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email), Delivery);
        await Eventually.HoldsAsync(async () => await onboarding.PendingEventsAsync() == 0, Delivery, "the event is marked sent");
    }

    [Fact]
    public async Task Events_of_a_producer_that_died_between_commit_and_publish_are_delivered_after_restart()
    {
        var messaging = fixture.App.GetConnectionString("messaging");
        var database = await TestDatabase.CreateAsync(fixture.App.GetConnectionString("onboardingdb"), "crash");
        var email = TestEmails.Unique("crash");

        // A relay that never runs leaves the process exactly as a crash after commit would: the row, unsent.
        await using (var dying = new OnboardingFactory(database, messaging, relayEnabled: false))
        {
            await dying.MigrateAsync();
            await dying.RegisterValidSiretAsync();
            var response = await dying.CreateClient().PostAsJsonAsync("/api/onboarding/account-requests", AccountRequestPayloads.Valid(email));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await dying.PendingEventsAsync());
        }
        Assert.Empty(await fixture.App.MailDev.GetMessagesAsync(email));

        await using var restarted = new OnboardingFactory(database, messaging);
        _ = restarted.Server;
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email), Delivery);
        await Eventually.HoldsAsync(async () => await restarted.PendingEventsAsync() == 0, Delivery, "the event is marked sent");
        Assert.Single(await fixture.App.MailDev.GetMessagesAsync(email));
    }
}
