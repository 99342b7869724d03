using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>"Mot de passe oublié": the link that replaces the password.</summary>
public sealed class PasswordResetRequestedConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : EmailConsumer<PasswordResetRequested>(db, metrics, emails)
{
    public const string Template = "reset-password";

    public static Dictionary<string, string> Values(PasswordResetRequested message, PortalOptions portal) => new()
    {
        ["firstName"] = message.FirstName,
        ["lastName"] = message.LastName,
        ["resetUrl"] = message.ResetUrl,
        ["expiresAt"] = ParisTime.Format(message.ExpiresAt),
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    protected override string TemplateName => Template;
    protected override IReadOnlyDictionary<string, string> ValuesOf(PasswordResetRequested message, PortalOptions portal) => Values(message, portal);
    protected override string RecipientOf(PasswordResetRequested message) => message.Email;
    protected override string RelatedEntityOf(PasswordResetRequested message) => $"User/{message.UserId}";
}
