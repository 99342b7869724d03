using System.Net;
using System.Text;
using Opco.Notification.Domain;
using Opco.Notification.Email;

namespace Opco.Notification.Features.Alerts;

/// <summary>The values of one alert e-mail: a user's unread notifications, newest first, the first few in full.</summary>
public static class AlertDigest
{
    public const string Template = "unread-alert";
    public const int Listed = 10;

    public static Dictionary<string, string> Values(string firstName, string lastName, IReadOnlyList<PortalNotification> notifications,
        AlertFrequency frequency, PortalOptions portal)
    {
        var listed = notifications.OrderByDescending(n => n.CreatedAt).Take(Listed).ToList();
        var more = notifications.Count - listed.Count;
        var html = new StringBuilder("<ul>");
        var text = new StringBuilder();
        foreach (var n in listed)
        {
            html.Append($"<li><strong>{WebUtility.HtmlEncode(n.Title)}</strong> ({ParisTime.Format(n.CreatedAt)})<br>{WebUtility.HtmlEncode(n.Body)}</li>");
            text.AppendLine($"- {n.Title} ({ParisTime.Format(n.CreatedAt)}) : {n.Body}");
        }
        if (more > 0)
        {
            html.Append($"<li>… et {more} autre(s).</li>");
            text.AppendLine($"- … et {more} autre(s).");
        }
        html.Append("</ul>");

        return new()
        {
            ["firstName"] = firstName,
            ["lastName"] = lastName,
            ["count"] = notifications.Count.ToString(),
            ["itemsHtml"] = html.ToString(),
            ["itemsText"] = text.ToString().TrimEnd(),
            ["frequency"] = FrequencyLabel(frequency),
            ["notificationsUrl"] = $"{portal.PublicUrl.TrimEnd('/')}/notifications",
            ["assistanceEmail"] = portal.AssistanceEmail,
        };
    }

    public static string FrequencyLabel(AlertFrequency frequency) => frequency switch
    {
        AlertFrequency.Immediate => "immédiate",
        AlertFrequency.Daily => "quotidienne",
        AlertFrequency.Weekly => "hebdomadaire",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };
}
