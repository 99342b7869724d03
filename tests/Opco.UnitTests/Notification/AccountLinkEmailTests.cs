using System.Net;
using Opco.Contracts.Identity;
using Opco.Notification.Domain;
using Opco.Notification.Email;
using Opco.Notification.Messaging;

namespace Opco.UnitTests.Notification;

/// <summary>The e-mails that carry a single-use link: confirm the address (or a new one), create and reset the password.</summary>
public sealed class AccountLinkEmailTests
{
    private const string Link = "https://portail.example.fr/account/link?userId=42&token=a%2Bb";
    private const string LinkInHtml = "https://portail.example.fr/account/link?userId=42&amp;token=a%2Bb";
    private static readonly DateTimeOffset ExpiresAt = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly EmailTemplates Templates = EmailTemplates.FromOutputDirectory();
    private static readonly PortalOptions Portal = new() { PublicUrl = "https://portail.example.fr", AssistanceEmail = "assistance@example.fr" };

    public static TheoryData<string, string, string> Emails => new()
    {
        { "confirm", "Confirmez votre adresse email", "vous recevrez un second email pour créer votre mot de passe" },
        { "create", "Créez votre mot de passe", "Il est confidentiel, personnel et ne doit pas être communiqué." },
        { "reset", "Réinitialisez votre mot de passe", "Si vous n'êtes pas à l'origine de cette demande, ignorez cet email : votre mot de passe actuel reste valable." },
        { "new-email", "Confirmez votre nouvelle adresse email", "Tant qu'il n'est pas utilisé, votre ancienne adresse reste votre identifiant." },
    };

    [Theory]
    [MemberData(nameof(Emails))]
    public void Renders_the_french_subject_greeting_link_and_expiry(string kind, string subject, string sentence)
    {
        var email = Render(kind, "Jeanne");

        Assert.Equal(subject, email.Subject);
        Assert.Contains("Bonjour Jeanne Dupont", email.Html);
        Assert.Contains($"href=\"{LinkInHtml}\"", email.Html);
        // Accented characters of values come out as numeric entities (WebUtility.HtmlEncode); mail clients show them as is.
        Assert.Contains("expire le 22/11/2026 à 11:00", WebUtility.HtmlDecode(email.Html));
        Assert.Contains("une seule fois", email.Html);
        Assert.Contains("Bonjour Jeanne Dupont,", email.Text);
        Assert.Contains(Link, email.Text);
        Assert.Contains("expire le 22/11/2026 à 11:00", email.Text);
        Assert.Contains(sentence, email.Text);
        Assert.Contains(sentence, WebUtility.HtmlDecode(email.Html).Replace("\u00a0", " "));
        Assert.DoesNotContain("{{", email.Html + email.Text);
    }

    [Fact]
    public void Confirm_email_says_the_account_was_created() =>
        Assert.Contains("Votre compte Mon compte OPCO a été créé.", Render("confirm", "Jeanne").Text);

    [Fact]
    public void Create_password_states_the_password_rule()
    {
        var email = Render("create", "Jeanne");
        Assert.Contains("au moins 8 caractères", email.Text);
        Assert.Contains("au moins un chiffre et au moins une lettre", email.Text);
        Assert.Contains("ne pas être un mot de passe courant", email.Text);
        Assert.Contains("ne pas contenir votre adresse email", email.Text);
        Assert.Contains("Pensez à modifier régulièrement votre mot de passe.", email.Html);
    }

    [Theory]
    [InlineData("confirm")]
    [InlineData("create")]
    [InlineData("reset")]
    [InlineData("new-email")]
    public void Values_are_html_encoded_in_the_html_part_only(string kind)
    {
        var email = Render(kind, "<b>Jo</b>");
        Assert.Contains("Bonjour &lt;b&gt;Jo&lt;/b&gt; Dupont", email.Html);
        Assert.DoesNotContain("<b>Jo</b>", email.Html);
        Assert.Contains("Bonjour <b>Jo</b> Dupont", email.Text);
    }

    private static RenderedEmail Render(string kind, string firstName)
    {
        var id = Guid.NewGuid();
        const string to = "jeanne@example.fr";
        return kind switch
        {
            "confirm" => Templates.Render(EmailConfirmationRequestedConsumer.Template,
                EmailConfirmationRequestedConsumer.Values(new(id, to, firstName, "Dupont", Link, ExpiresAt), Portal)),
            "create" => Templates.Render(PasswordCreationRequestedConsumer.Template,
                PasswordCreationRequestedConsumer.Values(new(id, to, firstName, "Dupont", Link, ExpiresAt), Portal)),
            "reset" => Templates.Render(PasswordResetRequestedConsumer.Template,
                PasswordResetRequestedConsumer.Values(new(id, to, firstName, "Dupont", Link, ExpiresAt), Portal)),
            "new-email" => Templates.Render(EmailChangeRequestedConsumer.Template,
                EmailChangeRequestedConsumer.Values(new(id, to, firstName, "Dupont", Link, ExpiresAt), Portal)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
