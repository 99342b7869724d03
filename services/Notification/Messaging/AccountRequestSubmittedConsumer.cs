using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>Acknowledges an account request to the person who made it.</summary>
public sealed class AccountRequestSubmittedConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : EmailConsumer<AccountRequestSubmitted>(db, metrics, emails)
{
    public const string Template = "account-request-received";

    protected override string TemplateName => Template;
    protected override string RecipientOf(AccountRequestSubmitted message) => message.Email;
    protected override string RelatedEntityOf(AccountRequestSubmitted message) => $"AccountRequest/{message.AccountRequestId}";

    protected override IReadOnlyDictionary<string, string> ValuesOf(AccountRequestSubmitted message, PortalOptions portal) =>
        new Dictionary<string, string>
        {
            ["firstName"] = message.FirstName,
            ["lastName"] = message.LastName,
            ["siret"] = message.Siret,
            ["submittedAt"] = ParisTime.Format(message.SubmittedAt),
            ["portalUrl"] = portal.PublicUrl,
            ["assistanceEmail"] = portal.AssistanceEmail,
        };
}
