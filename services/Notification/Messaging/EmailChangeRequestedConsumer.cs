using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>"Mon profil": confirms the new address before it replaces the old one, by a link sent to that new address.</summary>
public sealed class EmailChangeRequestedConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : EmailConsumer<EmailChangeRequested>(db, metrics, emails)
{
    public const string Template = "confirm-new-email";

    public static Dictionary<string, string> Values(EmailChangeRequested message, PortalOptions portal) => new()
    {
        ["firstName"] = message.FirstName,
        ["lastName"] = message.LastName,
        ["confirmationUrl"] = message.ConfirmationUrl,
        ["expiresAt"] = ParisTime.Format(message.ExpiresAt),
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    protected override string TemplateName => Template;
    protected override IReadOnlyDictionary<string, string> ValuesOf(EmailChangeRequested message, PortalOptions portal) => Values(message, portal);
    protected override string RecipientOf(EmailChangeRequested message) => message.NewEmail;
    protected override string RelatedEntityOf(EmailChangeRequested message) => $"User/{message.UserId}";
}
