using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>A request still pending after a week: its deciders are reminded by e-mail.</summary>
public sealed class AccountRequestReminderConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : RecipientsEmailConsumer<AccountRequestReminderDue>(db, metrics, emails)
{
    public const string Template = "account-request-reminder";

    protected override string TemplateName => Template;

    protected override IEnumerable<(string Recipient, IReadOnlyDictionary<string, string> Values)> EmailsOf(AccountRequestReminderDue message,
        PortalOptions portal) =>
        message.Recipients.Select(r =>
        {
            var values = AccountRequestTexts.Values(message.Request, r, message.RoutedTo, portal);
            values["pendingDays"] = ((int)(message.RemindedAt - message.Request.SubmittedAt).TotalDays).ToString();
            return (r.Email, (IReadOnlyDictionary<string, string>)values);
        });

    protected override string RelatedEntityOf(AccountRequestReminderDue message) => $"AccountRequest/{message.Request.AccountRequestId}";
}
