using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>✖ "Refuse la demande en envoyant un motif": the requester receives the reason.</summary>
public sealed class AccountRequestRefusedConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : EmailConsumer<AccountRequestRefused>(db, metrics, emails)
{
    public const string Template = "account-request-refused";

    public static Dictionary<string, string> Values(AccountRequestRefused message, PortalOptions portal) => new()
    {
        ["firstName"] = message.Request.FirstName,
        ["lastName"] = message.Request.LastName,
        ["kind"] = message.Request.Kind.ToLowerInvariant(),
        ["establishmentName"] = message.Request.EstablishmentName,
        ["siret"] = message.Request.Siret,
        ["submittedAt"] = ParisTime.Format(message.Request.SubmittedAt),
        ["refusedAt"] = ParisTime.Format(message.RefusedAt),
        ["reason"] = message.Reason,
        ["portalUrl"] = portal.PublicUrl,
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    protected override string TemplateName => Template;
    protected override IReadOnlyDictionary<string, string> ValuesOf(AccountRequestRefused message, PortalOptions portal) => Values(message, portal);
    protected override string RecipientOf(AccountRequestRefused message) => message.Email;
    protected override string RelatedEntityOf(AccountRequestRefused message) => $"AccountRequest/{message.Request.AccountRequestId}";
}
