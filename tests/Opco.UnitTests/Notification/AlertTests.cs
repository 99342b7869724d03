using System.Net;
using Opco.Notification.Domain;
using Opco.Notification.Email;
using Opco.Notification.Features.Alerts;

namespace Opco.UnitTests.Notification;

/// <summary>The alert e-mail summarising unread notifications, and when it may be sent.</summary>
public sealed class AlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly EmailTemplates Templates = EmailTemplates.FromOutputDirectory();
    private static readonly PortalOptions Portal = new() { PublicUrl = "https://portail.example.fr/", AssistanceEmail = "assistance@example.fr" };

    [Theory]
    [InlineData(AlertFrequency.Immediate, null, true)]
    [InlineData(AlertFrequency.Immediate, 0.0, true)]
    [InlineData(AlertFrequency.Daily, null, true)]
    [InlineData(AlertFrequency.Daily, 23.9, false)]
    [InlineData(AlertFrequency.Daily, 24.0, true)]
    [InlineData(AlertFrequency.Weekly, 24.0, false)]
    [InlineData(AlertFrequency.Weekly, 167.9, false)]
    [InlineData(AlertFrequency.Weekly, 168.0, true)]
    public void An_alert_is_due_once_its_frequency_has_elapsed_since_the_last_one(AlertFrequency frequency, double? hoursAgo, bool due) =>
        Assert.Equal(due, AlertSchedule.IsDue(frequency, hoursAgo is { } h ? Now.AddHours(-h) : null, Now));

    [Fact]
    public void The_alert_lists_the_unread_notifications_newest_first_with_a_link_to_them()
    {
        var older = Notification("Vos habilitations ont changé", "Auparavant : Reporting.", minutesAgo: 30);
        var newer = Notification("Établissement fermé", "SIRET 73282932000074 <fermé>", minutesAgo: 5);

        var email = Templates.Render(AlertDigest.Template,
            AlertDigest.Values("Jeanne", "Dupont", [older, newer], AlertFrequency.Daily, Portal));

        var html = WebUtility.HtmlDecode(email.Html);
        Assert.Equal("Vous avez 2 notification(s) non lue(s) dans Mon compte OPCO", email.Subject);
        Assert.Contains("Bonjour Jeanne Dupont", html);
        Assert.True(html.IndexOf("Établissement fermé", StringComparison.Ordinal) < html.IndexOf("Vos habilitations", StringComparison.Ordinal));
        Assert.Contains("SIRET 73282932000074 &lt;ferm", email.Html);
        Assert.Contains("<li><strong>Établissement fermé</strong> (22/11/2026 à 10:55)", html);
        Assert.Contains("href=\"https://portail.example.fr/notifications\"", email.Html);
        Assert.Contains("alerte quotidienne", email.Html);
        Assert.Contains("- Établissement fermé (22/11/2026 à 10:55) : SIRET 73282932000074 <fermé>", email.Text);
        Assert.Contains("Lire mes notifications : https://portail.example.fr/notifications", email.Text);
        Assert.DoesNotContain("{{", email.Html + email.Text);
    }

    [Fact]
    public void Beyond_ten_notifications_the_alert_counts_the_rest()
    {
        var notifications = Enumerable.Range(0, 13).Select(i => Notification($"Notification {i}", "…", minutesAgo: i)).ToList();

        var values = AlertDigest.Values("Jeanne", "Dupont", notifications, AlertFrequency.Immediate, Portal);

        Assert.Equal("13", values["count"]);
        Assert.Equal(10, values["itemsText"].Split('\n').Count(l => l.StartsWith("- Notification", StringComparison.Ordinal)));
        Assert.Contains("… et 3 autre(s).", values["itemsText"]);
        Assert.Contains("Notification 0", values["itemsText"]);
        Assert.DoesNotContain("Notification 12", values["itemsText"]);
        Assert.Equal("immédiate", values["frequency"]);
    }

    private static PortalNotification Notification(string title, string body, int minutesAgo) =>
        PortalNotification.Create(Guid.NewGuid(), NotificationKind.HabilitationsChanged, title, body, null, null, Now.AddMinutes(-minutesAgo));
}
