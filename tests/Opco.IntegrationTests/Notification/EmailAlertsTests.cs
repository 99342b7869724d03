using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Npgsql;
using Opco.SharedKernel;
using Opco.Contracts.Identity;
using Opco.Contracts.Onboarding;
using Opco.IntegrationTests.Support;
using Opco.Notification.Features.Alerts;
using Opco.SharedKernel.Habilitations;
using Opco.Testing;

namespace Opco.IntegrationTests.Notification;

/// <summary>
/// The alert job (every second in test mode) on the real stack: identity's events on the broker, the user's settings
/// through the gateway, the alert e-mails read from MailDev.
/// </summary>
public sealed class EmailAlertsTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Siret = "73282932000074";
    private const string AlertSubject = "notification(s) non lue(s) dans Mon compte OPCO";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    private readonly Uri _gateway = fixture.App.GetEndpoint("gateway");
    private readonly MyNotifications _api = new(fixture.App.GetEndpoint("gateway"));
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));
    private BrokerPublisher? _publisher;

    private BrokerPublisher Publisher => _publisher ?? throw new InvalidOperationException("The publisher is not started.");

    public async ValueTask InitializeAsync() => _publisher = await BrokerPublisher.StartAsync(fixture.App.GetConnectionString("messaging"));

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null) await _publisher.DisposeAsync();
        await _users.DisposeAsync();
    }

    [Fact]
    public async Task Immediate_alerts_list_each_unread_notification_in_exactly_one_email()
    {
        var user = await SignInAsync("alerte-immediate");
        await ChooseAlertsAsync(user, "Immediate");

        await PublishChangeAsync(user, ["Reporting"], ["Gestionnaire"]);
        var first = await fixture.App.MailDev.WaitForMessageAsync(m => IsAlertFor(m, user), Delivery);
        Assert.Equal("Vous avez 1 notification(s) non lue(s) dans Mon compte OPCO", first.Subject);
        Assert.Contains("Bonjour Jeanne Testeuse", first.Text);
        Assert.Contains("Vos habilitations ont changé", first.Text);
        Assert.Contains("alerte immédiate", first.Text);

        await PublishChangeAsync(user, ["ContratPro"], ["Reporting"]);
        await Eventually.HoldsAsync(async () => (await AlertsAsync(user)).Count == 2, Delivery, "a second alert for the new notification");
        var second = (await AlertsAsync(user)).Single(m => m.Id != first.Id);
        Assert.Equal("Vous avez 1 notification(s) non lue(s) dans Mon compte OPCO", second.Subject);
        Assert.Contains("Contrat de Professionnalisation", second.Text);

        // A later run alerts someone else and summarises nothing twice.
        await AfterAnAlertRunAsync();
        Assert.Equal(2, await RecordedAlertsAsync(user));
        Assert.Equal(2, (await AlertsAsync(user)).Count);
    }

    [Fact]
    public async Task A_daily_alert_is_sent_once_then_waits_a_day_whatever_arrives()
    {
        var user = await SignInAsync("alerte-quotidienne");
        await ChooseAlertsAsync(user, "Daily");

        await PublishChangeAsync(user, ["Reporting"], ["Gestionnaire"]);
        var alert = await fixture.App.MailDev.WaitForMessageAsync(m => IsAlertFor(m, user), Delivery);
        Assert.Contains("alerte quotidienne", alert.Text);

        await PublishChangeAsync(user, [], ["Reporting"]);
        await Eventually.HoldsAsync(async () => await UnreadAsync(user) == 2, Delivery, "the second notification is there");
        await AfterAnAlertRunAsync();
        Assert.Equal(1, await RecordedAlertsAsync(user));
        Assert.Single(await AlertsAsync(user));
    }

    [Fact]
    public async Task Without_alerts_chosen_no_alert_is_sent()
    {
        var silent = await SignInAsync("alerte-aucune");
        await PublishChangeAsync(silent, ["Reporting"], ["Gestionnaire"]);
        await Eventually.HoldsAsync(async () => await UnreadAsync(silent) == 1, Delivery, "the notification is listed");

        await AfterAnAlertRunAsync();
        Assert.Equal(0, await RecordedAlertsAsync(silent));
        Assert.Empty(await AlertsAsync(silent));
    }

    [Fact]
    public async Task A_closed_establishment_is_announced_to_the_users_holding_a_habilitation_there_only()
    {
        var siret = FictionalIdentifiers.Siret(FictionalIdentifiers.Siren(Random.Shared), 0);
        var holder = await SignInAsync("fermeture-oui");
        var detached = await SignInAsync("fermeture-detache");
        var stranger = await SignInAsync("fermeture-non");
        await PublishChangeAsync(holder, ["PriseEnCharge"], [], siret);
        await PublishChangeAsync(detached, [], [], siret); // on the copy, with nothing left
        await Eventually.HoldsAsync(async () => await CopiedRightsAsync(siret) == 2, Delivery, "the rights reach the notification service");

        await Publisher.PublishAsync(new EstablishmentClosed(siret, new DateOnly(2026, 11, 30), DateTimeOffset.UtcNow), NewId.NextGuid());

        await Eventually.HoldsAsync(async () => await UnreadAsync(holder) == 1, Delivery, "the holder is told");
        var notification = (await ListAsync(holder)).GetProperty("items")[0];
        Assert.Equal("EstablishmentClosed", notification.GetProperty("kind").GetString());
        Assert.Equal("Établissement fermé", notification.GetProperty("title").GetString());
        Assert.Contains($"SIRET {siret} est fermé depuis le 30/11/2026", notification.GetProperty("body").GetString());
        Assert.Equal(0, await UnreadAsync(detached));
        Assert.Equal(0, await UnreadAsync(stranger));
    }

    [Fact]
    public async Task The_contact_copy_follows_a_name_corrected_by_a_manager_in_identity()
    {
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Gestionnaire] });
        var user = await _users.CreateAsync(TestEmails.Unique("alerte-nom"),
            accesses: new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Reporting] });
        await Publisher.PublishAsync(new UserHabilitationsChanged(user.Id, user.Email!, "Jeanne", "Testeuse", Siret, "Établissement de test",
            ["Reporting"], [], Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(-1)), NewId.NextGuid());
        await Eventually.HoldsAsync(async () => await ContactNameAsync(user.Id) == "Jeanne Testeuse", Delivery, "the contact is copied");

        var edit = await manager.Api.PutAsJsonAsync($"/api/identity/users/{user.Id}",
            new { civility = "Madame", lastName = "Corrigée", firstName = "Jeanne", phone = "0612345678", function = "DRH" });

        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        await Eventually.HoldsAsync(async () => await ContactNameAsync(user.Id) == "Jeanne Corrigée", Delivery, "identity's change reaches the copy");
    }

    /// <summary>
    /// The control of every "nothing more was sent": a user who chose immediate alerts gets one for a notification
    /// created now, so a run of the job has seen everything arranged before this call, in its one transaction.
    /// </summary>
    private async Task AfterAnAlertRunAsync()
    {
        var witness = await SignInAsync("alerte-temoin");
        await ChooseAlertsAsync(witness, "Immediate");
        await PublishChangeAsync(witness, ["Reporting"], ["Gestionnaire"]);
        await fixture.App.MailDev.WaitForMessageAsync(m => IsAlertFor(m, witness), Delivery);
    }

    /// <summary>The alert e-mails recorded for the user, sent or not yet: what a run decided, whatever MailDev shows so far.</summary>
    private async Task<long> RecordedAlertsAsync(PortalUser user)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("notificationdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM outgoing_emails WHERE \"Template\" = @template AND \"Recipient\" = @recipient", connection);
        command.Parameters.AddWithValue("template", AlertDigest.Template);
        command.Parameters.AddWithValue("recipient", user.Account.Email!);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<PortalUser> SignInAsync(string who) =>
        PortalUser.SignInAsync(_users, _gateway, fixture.App.GetParameter("web-client-secret"), who);

    private async Task ChooseAlertsAsync(PortalUser user, string frequency)
    {
        var response = await _api.SendAsync(HttpMethod.Put, $"{MyNotifications.Me}/settings", user.AccessToken, new
        {
            kinds = new[] { new { kind = "HabilitationsChanged", inPortal = true, emailAlerts = true, frequency } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task PublishChangeAsync(PortalUser user, string[] held, string[] previous, string siret = Siret) =>
        Publisher.PublishAsync(new UserHabilitationsChanged(user.Id, user.Account.Email!, "Jeanne", "Testeuse", siret,
            "Établissement de test", held, previous, Guid.NewGuid(), DateTimeOffset.UtcNow), NewId.NextGuid());

    private bool IsAlertFor(MailMessage message, PortalUser user) =>
        message.To.Contains(user.Account.Email!) && message.Subject.Contains(AlertSubject, StringComparison.Ordinal);

    private async Task<List<MailMessage>> AlertsAsync(PortalUser user) =>
        [.. (await fixture.App.MailDev.GetMessagesAsync(user.Account.Email!)).Where(m => IsAlertFor(m, user))];

    private Task<JsonElement> ListAsync(PortalUser user) => _api.ListAsync(user);

    private Task<int> UnreadAsync(PortalUser user) => _api.UnreadAsync(user);

    private async Task<string?> ContactNameAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("notificationdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT first_name || ' ' || last_name FROM user_contacts WHERE user_id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        return (string?)await command.ExecuteScalarAsync();
    }

    private async Task<long> CopiedRightsAsync(string siret)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("notificationdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM user_habilitations WHERE siret = @siret", connection);
        command.Parameters.AddWithValue("siret", siret);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
