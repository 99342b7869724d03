using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>"Le (ou les) gestionnaire(s) reçoivent un email pour créer le compte" — or the advisor when there is none.</summary>
public sealed class AccountRequestRoutedConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : RecipientsEmailConsumer<AccountRequestRouted>(db, metrics, emails)
{
    public const string Template = "account-request-to-validate";

    protected override string TemplateName => Template;

    protected override IEnumerable<(string Recipient, IReadOnlyDictionary<string, string> Values)> EmailsOf(AccountRequestRouted message,
        PortalOptions portal) =>
        message.Recipients.Select(r => (r.Email, (IReadOnlyDictionary<string, string>)AccountRequestTexts.Values(message.Request, r, message.RoutedTo, portal)));

    protected override string RelatedEntityOf(AccountRequestRouted message) => $"AccountRequest/{message.Request.AccountRequestId}";
}
