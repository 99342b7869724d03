using System.Net;
using Opco.Contracts.Identity;
using Opco.Notification.Domain;
using Opco.Notification.Email;
using Opco.Notification.Messaging;

namespace Opco.UnitTests.Notification;

/// <summary>The e-mails about a user's access: attached to an establishment, habilitations changed.</summary>
public sealed class AccessEmailTests
{
    private const string Siret = "73282932000074";
    private static readonly DateTimeOffset At = new(2026, 7, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly EmailTemplates Templates = EmailTemplates.FromOutputDirectory();
    private static readonly PortalOptions Portal = new() { PublicUrl = "https://portail.example.fr", AssistanceEmail = "assistance@example.fr" };

    [Fact]
    public void Attached_lists_the_establishment_and_the_french_labels_of_the_habilitations()
    {
        var email = Attached("Boulangerie Dupont", ["PriseEnCharge", "CollecteVersements"]);

        Assert.Equal("Votre compte a accès à un nouvel établissement", email.Subject);
        Assert.Contains("Bonjour Jeanne Dupont", email.Html);
        Assert.Contains("<strong>Boulangerie Dupont</strong> (SIRET <strong>73282932000074</strong>)", email.Html);
        Assert.Contains("Prise en charge, Collecte/Versement", email.Html);
        Assert.Contains("Depuis le 22/07/2026 à 12:00", WebUtility.HtmlDecode(email.Html));
        Assert.Contains("href=\"https://portail.example.fr\"", email.Html);
        Assert.Contains("Depuis le 22/07/2026 à 12:00", email.Text);
        Assert.Contains("l'établissement Boulangerie Dupont (SIRET 73282932000074)", email.Text);
        Assert.Contains("Vos habilitations sur cet établissement : Prise en charge, Collecte/Versement.", email.Text);
        Assert.Contains("https://portail.example.fr", email.Text);
        Assert.DoesNotContain("{{", email.Html + email.Text);
    }

    [Fact]
    public void Changed_shows_the_new_and_the_previous_habilitations()
    {
        var email = Changed("Boulangerie Dupont", ["Gestionnaire"], ["Reporting", "ContratPro"]);

        Assert.Equal("Vos habilitations ont changé", email.Subject);
        Assert.Contains("<strong>Boulangerie Dupont</strong>", email.Html);
        var html = WebUtility.HtmlDecode(email.Html).Replace("\u00a0", " ");
        Assert.Contains("Vos habilitations sont désormais : Gestionnaire.", html);
        Assert.Contains("Vos habilitations précédentes : Données des reporting, Contrat de Professionnalisation.", html);
        Assert.Contains("href=\"https://portail.example.fr\"", email.Html);
        Assert.Contains("Le 22/07/2026 à 12:00, vos habilitations sur l'établissement Boulangerie Dupont (SIRET 73282932000074)", email.Text);
        Assert.Contains("Vos habilitations sont désormais : Gestionnaire.", email.Text);
        Assert.Contains("Vos habilitations précédentes : Données des reporting, Contrat de Professionnalisation.", email.Text);
        Assert.DoesNotContain("{{", email.Html + email.Text);
    }

    [Fact]
    public void Changed_to_nothing_says_the_access_is_gone()
    {
        var email = Changed("Boulangerie Dupont", [], ["PriseEnCharge"]);

        Assert.Contains("Vous n'avez plus accès à cet établissement.", email.Text);
        Assert.Contains("Vous n'avez plus accès à cet établissement.", WebUtility.HtmlDecode(email.Html));
        Assert.DoesNotContain("désormais", email.Text);
        Assert.Contains("Vos habilitations précédentes : Prise en charge.", email.Text);
    }

    [Fact]
    public void Establishment_names_are_html_encoded_in_the_html_part_only()
    {
        var attached = Attached("Dupont & Fils <SARL>", ["Reporting"]);
        var changed = Changed("Dupont & Fils <SARL>", ["Reporting"], []);

        Assert.Contains("Dupont &amp; Fils &lt;SARL&gt;", attached.Html);
        Assert.Contains("Dupont &amp; Fils &lt;SARL&gt;", changed.Html);
        Assert.DoesNotContain("<SARL>", attached.Html + changed.Html);
        Assert.Contains("Dupont & Fils <SARL>", attached.Text);
        Assert.Contains("Vos habilitations précédentes : aucune.", changed.Text);
    }

    [Fact]
    public void An_unknown_habilitation_code_is_an_error_not_a_blank() =>
        Assert.Throws<ArgumentException>(() => HabilitationList.Format(["Superpouvoir"]));

    private static RenderedEmail Attached(string establishment, string[] habilitations) =>
        Templates.Render(UserAttachedToEstablishmentConsumer.Template, UserAttachedToEstablishmentConsumer.Values(
            new(Guid.NewGuid(), "jeanne@example.fr", "Jeanne", "Dupont", Siret, establishment, habilitations, At), Portal));

    private static RenderedEmail Changed(string establishment, string[] habilitations, string[] previous) =>
        Templates.Render(UserHabilitationsChangedConsumer.Template, UserHabilitationsChangedConsumer.Values(
            new(Guid.NewGuid(), "jeanne@example.fr", "Jeanne", "Dupont", Siret, establishment, habilitations, previous,
                Guid.NewGuid(), At), Portal));
}
