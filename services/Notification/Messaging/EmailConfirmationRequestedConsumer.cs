using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>The first e-mail of a new account: the link that confirms the address.</summary>
public sealed class EmailConfirmationRequestedConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : EmailConsumer<EmailConfirmationRequested>(db, metrics, emails)
{
    public const string Template = "confirm-email";

    public static Dictionary<string, string> Values(EmailConfirmationRequested message, PortalOptions portal) => new()
    {
        ["firstName"] = message.FirstName,
        ["lastName"] = message.LastName,
        ["confirmationUrl"] = message.ConfirmationUrl,
        ["expiresAt"] = ParisTime.Format(message.ExpiresAt),
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    protected override string TemplateName => Template;
    protected override IReadOnlyDictionary<string, string> ValuesOf(EmailConfirmationRequested message, PortalOptions portal) => Values(message, portal);
    protected override string RecipientOf(EmailConfirmationRequested message) => message.Email;
    protected override string RelatedEntityOf(EmailConfirmationRequested message) => $"User/{message.UserId}";
}
