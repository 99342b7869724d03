using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>The second e-mail of a new account, once its address is confirmed: the link that creates the password.</summary>
public sealed class PasswordCreationRequestedConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : EmailConsumer<PasswordCreationRequested>(db, metrics, emails)
{
    public const string Template = "create-password";

    public static Dictionary<string, string> Values(PasswordCreationRequested message, PortalOptions portal) => new()
    {
        ["firstName"] = message.FirstName,
        ["lastName"] = message.LastName,
        ["passwordUrl"] = message.PasswordUrl,
        ["expiresAt"] = ParisTime.Format(message.ExpiresAt),
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    protected override string TemplateName => Template;
    protected override IReadOnlyDictionary<string, string> ValuesOf(PasswordCreationRequested message, PortalOptions portal) => Values(message, portal);
    protected override string RecipientOf(PasswordCreationRequested message) => message.Email;
    protected override string RelatedEntityOf(PasswordCreationRequested message) => $"User/{message.UserId}";
}
