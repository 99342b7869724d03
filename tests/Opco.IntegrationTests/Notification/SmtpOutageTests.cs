using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Opco.IntegrationTests.Support;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;
using Opco.Notification.Messaging;
using Opco.Testing;

namespace Opco.IntegrationTests.Notification;

/// <summary>
/// The notification service's real e-mail pipeline (queue, dispatcher, MailKit) on a database of its own, talking to
/// the run's MailDev through a TCP proxy that the test cuts: an SMTP outage delays the e-mail, never loses it.
/// </summary>
public sealed class SmtpOutageTests(AppFixture fixture)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task An_email_recorded_while_smtp_is_down_is_retried_and_sent_once_when_it_is_back()
    {
        var smtp = new Uri(fixture.App.GetConnectionString("mail"));
        await using var proxy = new TcpProxy(smtp.Host, smtp.Port);
        var database = await TestDatabase.CreateAsync(fixture.App.GetConnectionString("notificationdb"), "smtp_outage");
        using var host = BuildHost(database, $"smtp://127.0.0.1:{proxy.Port}");
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().Database.MigrateAsync();
        var recipient = TestEmails.Unique("smtp-panne");

        proxy.Cut();
        await host.StartAsync();
        await EnqueueAsync(host, recipient);

        await Eventually.HoldsAsync(async () => (await EmailAsync(host, recipient)).Attempts >= 2, Delivery, "the dispatcher keeps trying");
        var failing = await EmailAsync(host, recipient);
        Assert.Equal(EmailStatus.Pending, failing.Status);
        Assert.NotNull(failing.LastError);
        Assert.Empty(await fixture.App.MailDev.GetMessagesAsync(recipient));

        proxy.Restore();
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(recipient), Delivery);
        // MailDev has the message before the dispatcher commits its row: wait for the row's state, not for MailDev.
        await Eventually.HoldsAsync(async () => (await EmailAsync(host, recipient)).Status == EmailStatus.Sent, Delivery, "the e-mail is marked sent");

        // Once a later e-mail is delivered, a round ran after the first was marked sent: it was still sent only once.
        var later = TestEmails.Unique("smtp-apres");
        await EnqueueAsync(host, later);
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(later), Delivery);
        Assert.Single(await fixture.App.MailDev.GetMessagesAsync(recipient));
        await host.StopAsync();
    }

    private static async Task EnqueueAsync(IHost host, string recipient)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var emails = scope.ServiceProvider.GetRequiredService<EmailQueue>();
        emails.Add(Guid.NewGuid(), AccountRequestSubmittedConsumer.Template, new Dictionary<string, string>
        {
            ["firstName"] = "Jeanne", ["lastName"] = "Dupont", ["siret"] = "73282932000074", ["submittedAt"] = "22/11/2026 à 11:00",
            ["portalUrl"] = "http://localhost:8080", ["assistanceEmail"] = "assistance@moncompte-opco.fr",
        }, recipient, "AccountRequest/test");
        await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().SaveChangesAsync();
        emails.WakeDispatcher();
    }

    private static IHost BuildHost(string database, string smtp)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notificationdb"] = database,
            ["ConnectionStrings:mail"] = smtp,
            ["Mail:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceDatabase<NotificationDbContext>("notificationdb");
        builder.AddEmail();
        return builder.Build();
    }

    private static async Task<OutgoingEmail> EmailAsync(IHost host, string recipient)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().OutgoingEmails.AsNoTracking()
            .SingleAsync(e => e.Recipient == recipient);
    }
}
