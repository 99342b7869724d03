using System.Net;
using System.Text.RegularExpressions;
using MassTransit;
using Opco.Contracts.Identity;
using Opco.IntegrationTests.Support;
using Opco.Testing;

namespace Opco.IntegrationTests.Notification;

/// <summary>
/// Identity's events, published on the real RabbitMQ, become e-mails: notification service → notificationdb → SMTP → MailDev.
/// </summary>
public sealed partial class IdentityEmailsTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Siret = "73282932000074";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private readonly DateTimeOffset _expiresAt = DateTimeOffset.UtcNow.AddHours(24);
    private BrokerPublisher? _publisher;

    private BrokerPublisher Publisher => _publisher ?? throw new InvalidOperationException("The publisher is not started.");

    public async ValueTask InitializeAsync() => _publisher = await BrokerPublisher.StartAsync(fixture.App.GetConnectionString("messaging"));

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null) await _publisher.DisposeAsync();
    }

    [Fact]
    public async Task Email_confirmation_requested_sends_the_confirmation_link()
    {
        var (email, url) = (TestEmails.Unique(), UniqueUrl("confirm-email"));

        await Publisher.PublishAsync(new EmailConfirmationRequested(Guid.NewGuid(), email, "Jeanne", "Dupont", url, _expiresAt), NewId.NextGuid());

        var mail = await ArrivedAsync(email);
        Assert.Equal("Confirmez votre adresse email", mail.Subject);
        Assert.Contains("Bonjour Jeanne Dupont,", mail.Text);
        Assert.Contains("Votre compte Mon compte OPCO a été créé.", mail.Text);
        Assert.Contains("un second email pour créer votre mot de passe", mail.Text);
        AssertLink(mail, url);
    }

    [Fact]
    public async Task Password_creation_requested_sends_the_link_and_the_password_rule()
    {
        var (email, url) = (TestEmails.Unique(), UniqueUrl("create-password"));

        await Publisher.PublishAsync(new PasswordCreationRequested(Guid.NewGuid(), email, "Jeanne", "Dupont", url, _expiresAt), NewId.NextGuid());

        var mail = await ArrivedAsync(email);
        Assert.Equal("Créez votre mot de passe", mail.Subject);
        Assert.Contains("au moins 8 caractères", mail.Text);
        Assert.Contains("Il est confidentiel, personnel et ne doit pas être communiqué.", mail.Text);
        AssertLink(mail, url);
    }

    [Fact]
    public async Task Password_reset_requested_sends_the_reset_link()
    {
        var (email, url) = (TestEmails.Unique(), UniqueUrl("reset-password"));

        await Publisher.PublishAsync(new PasswordResetRequested(Guid.NewGuid(), email, "Jeanne", "Dupont", url, _expiresAt), NewId.NextGuid());

        var mail = await ArrivedAsync(email);
        Assert.Equal("Réinitialisez votre mot de passe", mail.Subject);
        Assert.Contains("votre mot de passe actuel reste valable", mail.Text);
        AssertLink(mail, url);
    }

    [Fact]
    public async Task User_attached_to_establishment_lists_the_establishment_and_habilitations()
    {
        var email = TestEmails.Unique();

        await Publisher.PublishAsync(new UserAttachedToEstablishment(Guid.NewGuid(), email, "Jeanne", "Dupont", Siret,
            "Boulangerie Dupont", ["PriseEnCharge", "Reporting"], DateTimeOffset.UtcNow), NewId.NextGuid());

        var mail = await ArrivedAsync(email);
        Assert.Equal("Votre compte a accès à un nouvel établissement", mail.Subject);
        Assert.Contains("l'établissement Boulangerie Dupont (SIRET 73282932000074)", mail.Text);
        Assert.Contains("Prise en charge, Données des reporting", mail.Text);
        Assert.Contains("Accéder à Mon compte OPCO : http", mail.Text);
    }

    [Fact]
    public async Task User_habilitations_changed_to_none_says_the_access_is_gone()
    {
        var email = TestEmails.Unique();

        await Publisher.PublishAsync(new UserHabilitationsChanged(Guid.NewGuid(), email, "Jeanne", "Dupont", Siret,
            "Boulangerie Dupont", [], ["ContratPro"], Guid.NewGuid(), DateTimeOffset.UtcNow), NewId.NextGuid());

        var mail = await ArrivedAsync(email);
        Assert.Equal("Vos habilitations ont changé", mail.Subject);
        Assert.Contains("Vous n'avez plus accès à cet établissement.", mail.Text);
        Assert.Contains("Vos habilitations précédentes : Contrat de Professionnalisation.", mail.Text);
    }

    [Fact]
    public async Task A_first_grant_sends_no_habilitations_changed_email()
    {
        var (first, changed) = (TestEmails.Unique(), TestEmails.Unique());

        await Publisher.PublishAsync(new UserHabilitationsChanged(Guid.NewGuid(), first, "Jeanne", "Dupont", Siret,
            "Boulangerie Dupont", ["Reporting"], [], Guid.NewGuid(), DateTimeOffset.UtcNow), NewId.NextGuid());
        await Publisher.PublishAsync(new UserHabilitationsChanged(Guid.NewGuid(), changed, "Jeanne", "Dupont", Siret,
            "Boulangerie Dupont", ["Reporting"], ["ContratPro"], Guid.NewGuid(), DateTimeOffset.UtcNow), NewId.NextGuid());

        await ArrivedAsync(changed);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(await fixture.App.MailDev.GetMessagesAsync(first));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_sends_one_email()
    {
        var (email, url) = (TestEmails.Unique(), UniqueUrl("reset-password"));
        var message = new PasswordResetRequested(Guid.NewGuid(), email, "Jeanne", "Dupont", url, _expiresAt);
        var messageId = NewId.NextGuid();

        await Publisher.PublishAsync(message, messageId);
        await Publisher.PublishAsync(message, messageId);

        await ArrivedAsync(email);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await fixture.App.MailDev.GetMessagesAsync(email));
    }

    private Task<MailMessage> ArrivedAsync(string email) =>
        fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase), Delivery);

    private static string UniqueUrl(string page) => $"https://portail.example.fr/account/{page}?userId={Guid.NewGuid()}&token=t{Guid.NewGuid():N}%2B";

    private static void AssertLink(MailMessage mail, string url)
    {
        Assert.Contains(url, Href().Matches(mail.Html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Contains(url, mail.Text);
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
