using Opco.Notification.Email;
using Opco.Notification.Messaging;

namespace Opco.UnitTests.Notification;

public sealed class EmailTemplatesTests
{
    private static readonly EmailTemplates Templates = EmailTemplates.FromOutputDirectory();

    private static Dictionary<string, string> Values(string firstName = "Jeanne") => new()
    {
        ["firstName"] = firstName,
        ["lastName"] = "Dupont",
        ["siret"] = "73282932000074",
        ["submittedAt"] = "22/11/2026 à 11:00",
        ["portalUrl"] = "https://portail.example.fr",
        ["assistanceEmail"] = "assistance@example.fr",
    };

    [Fact]
    public void Request_received_renders_french_html_and_text_in_the_shared_layout()
    {
        var email = Templates.Render(AccountRequestSubmittedConsumer.Template, Values());

        Assert.Equal("Votre demande d'ouverture de compte a bien été reçue", email.Subject);
        Assert.Contains("<html lang=\"fr\">", email.Html);
        Assert.Contains("Bonjour Jeanne Dupont", email.Html);
        Assert.Contains("<strong>73282932000074</strong>", email.Html);
        Assert.Contains("href=\"https://portail.example.fr\"", email.Html);
        Assert.Contains("Ce n'est pas la plateforme Mon Compte Formation (CPF)", email.Html);
        Assert.Contains("Bonjour Jeanne Dupont,", email.Text);
        Assert.Contains("https://portail.example.fr", email.Text);
        Assert.DoesNotContain("{{", email.Html + email.Text);
    }

    [Fact]
    public void Values_are_html_encoded_in_the_html_part_only()
    {
        var email = Templates.Render(AccountRequestSubmittedConsumer.Template, Values("<b>Jo</b>"));
        Assert.Contains("Bonjour &lt;b&gt;Jo&lt;/b&gt; Dupont", email.Html);
        Assert.Contains("Bonjour <b>Jo</b> Dupont", email.Text);
    }

    [Fact]
    public void A_missing_value_is_an_error_not_a_blank()
    {
        var values = Values();
        values.Remove("siret");
        var error = Assert.Throws<InvalidOperationException>(() => Templates.Render(AccountRequestSubmittedConsumer.Template, values));
        Assert.Contains("siret", error.Message);
    }

    [Fact]
    public void Paris_time_is_shown_in_french_format_with_daylight_saving() =>
        Assert.Equal(("22/11/2026 à 11:00", "22/07/2026 à 12:00"),
            (ParisTime.Format(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)),
             ParisTime.Format(new DateTimeOffset(2026, 7, 22, 10, 0, 0, TimeSpan.Zero))));
}
