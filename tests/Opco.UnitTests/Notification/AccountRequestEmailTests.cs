using System.Net;
using Opco.Contracts.Onboarding;
using Opco.Notification.Email;
using Opco.Notification.Messaging;

namespace Opco.UnitTests.Notification;

/// <summary>The e-mails of the account-request workflow: to validate, reminder, refused; and the registration decision.</summary>
public sealed class AccountRequestEmailTests
{
    private static readonly DateTimeOffset At = new(2026, 7, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly EmailTemplates Templates = EmailTemplates.FromOutputDirectory();
    private static readonly PortalOptions Portal = new() { PublicUrl = "https://portail.example.fr/", AssistanceEmail = "assistance@example.fr" };
    private static readonly RequestSummary Request = new(Guid.NewGuid(), "Ouverture", "Binks", "Jar-Jar", "Gaffeur du mois", "73282932000074",
        "Atelier Démo – Siège", "ATELIER DÉMO", At);
    private static readonly RequestRecipient Manager = new(Guid.NewGuid(), "claire@example.fr", "Claire", "Dubois");

    private static string Plain(string html) => WebUtility.HtmlDecode(html).Replace("\u00a0", " ");

    [Fact]
    public void To_validate_names_the_requester_the_establishment_and_links_to_the_requests_page()
    {
        var email = Templates.Render(AccountRequestRoutedConsumer.Template, AccountRequestTexts.Values(Request, Manager, "Managers", Portal));

        Assert.Equal("Demande de création de compte à valider : Jar-Jar BINKS (Gaffeur du mois)", email.Subject);
        Assert.Contains("Bonjour Claire Dubois", email.Html);
        Assert.Contains("<strong>Atelier Démo – Siège</strong> (SIRET <strong>73282932000074</strong>)", Plain(email.Html));
        Assert.Contains("Type de demande : Ouverture. Demande faite le 22/07/2026 à 12:00.", Plain(email.Html));
        Assert.Contains("en tant que gestionnaire de cet établissement", Plain(email.Html));
        Assert.Contains("href=\"https://portail.example.fr/utilisateurs/demandes\"", email.Html);
        Assert.Contains("Traiter la demande : https://portail.example.fr/utilisateurs/demandes", email.Text);
        Assert.DoesNotContain("{{", email.Html + email.Text);
    }

    [Fact]
    public void The_advisor_is_told_why_the_request_reaches_them() =>
        Assert.Contains("en tant que conseiller formation de l'entreprise, car cet établissement n'a pas de gestionnaire",
            Templates.Render(AccountRequestRoutedConsumer.Template, AccountRequestTexts.Values(Request, Manager, "Advisor", Portal)).Text);

    [Fact]
    public void A_reminder_says_how_long_the_request_has_waited()
    {
        var values = AccountRequestTexts.Values(Request, Manager, "Managers", Portal);
        values["pendingDays"] = "8";
        var email = Templates.Render(AccountRequestReminderConsumer.Template, values);

        Assert.Equal("Rappel : la demande de compte de Jar-Jar BINKS (Gaffeur du mois) attend votre décision", email.Subject);
        Assert.Contains("attend une décision depuis 8 jours", email.Text);
        Assert.DoesNotContain("{{", email.Html + email.Text);
    }

    [Fact]
    public void A_refusal_gives_the_reason_html_encoded()
    {
        var refused = new AccountRequestRefused(Request, "jar-jar@example.fr", null, "Vous n'êtes pas <salarié> de l'entreprise.", Manager.UserId,
            At.AddDays(1));
        var email = Templates.Render(AccountRequestRefusedConsumer.Template, AccountRequestRefusedConsumer.Values(refused, Portal));

        Assert.Equal("Votre demande de compte a été refusée", email.Subject);
        Assert.Contains("&lt;salari", email.Html);
        Assert.Contains("Vous n'êtes pas <salarié> de l'entreprise.", Plain(email.Html));
        Assert.Contains("Votre demande de compte (ouverture) pour l'établissement Atelier Démo – Siège (SIRET 73282932000074), faite le 22/07/2026 à 12:00, "
                        + "a été refusée le 23/07/2026 à 12:00.", email.Text);
        Assert.Contains("Motif du refus :\nVous n'êtes pas <salarié> de l'entreprise.", email.Text);
        Assert.DoesNotContain("{{", email.Html + email.Text);
    }

    [Fact]
    public void A_registration_decision_says_accepted_or_refused_with_the_reason()
    {
        var accepted = Templates.Render(RegistrationRequestDecidedConsumer.Template, RegistrationRequestDecidedConsumer.Values(
            new RegistrationRequestDecided(Guid.NewGuid(), "Establishment", true, "c@example.fr", "Claire", "Dubois", "Atelier – Annecy",
                "73282932000082", null, At), Portal));
        var refused = Templates.Render(RegistrationRequestDecidedConsumer.Template, RegistrationRequestDecidedConsumer.Values(
            new RegistrationRequestDecided(Guid.NewGuid(), "Company", false, "c@example.fr", "Claire", "Dubois", "Atelier", "73282932000074",
                "Entreprise hors du périmètre de l'OPCO.", At), Portal));

        Assert.Equal("Votre demande de création d'établissement a été acceptée", accepted.Subject);
        Assert.Contains("l'établissement figure désormais dans la recherche", accepted.Text);
        Assert.Equal("Votre demande de création d'entreprise a été refusée", refused.Subject);
        Assert.Contains("Motif : Entreprise hors du périmètre de l'OPCO.", refused.Text);
    }
}
