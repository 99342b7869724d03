using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>Tells an existing user that their account now reaches another establishment, and with which rights.</summary>
public sealed class UserAttachedToEstablishmentConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : EmailConsumer<UserAttachedToEstablishment>(db, metrics, emails)
{
    public const string Template = "account-attached";

    public static Dictionary<string, string> Values(UserAttachedToEstablishment message, PortalOptions portal) => new()
    {
        ["firstName"] = message.FirstName,
        ["lastName"] = message.LastName,
        ["establishmentName"] = message.EstablishmentName,
        ["siret"] = message.Siret,
        ["habilitations"] = HabilitationList.Format(message.Habilitations),
        ["attachedAt"] = ParisTime.Format(message.AttachedAt),
        ["portalUrl"] = portal.PublicUrl,
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    protected override string TemplateName => Template;
    protected override IReadOnlyDictionary<string, string> ValuesOf(UserAttachedToEstablishment message, PortalOptions portal) => Values(message, portal);
    protected override string RecipientOf(UserAttachedToEstablishment message) => message.Email;
    protected override string RelatedEntityOf(UserAttachedToEstablishment message) => $"User/{message.UserId}";
}
