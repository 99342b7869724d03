using MassTransit;
using Microsoft.Extensions.Options;
using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>Acknowledges an account request to the person who made it.</summary>
public sealed class AccountRequestSubmittedConsumer(
    NotificationDbContext db,
    MessagingMetrics metrics,
    EmailTemplates templates,
    EmailSignal emailSignal,
    IOptions<PortalOptions> portal,
    TimeProvider time) : InboxConsumer<AccountRequestSubmitted, NotificationDbContext>(db, metrics)
{
    public const string Template = "account-request-received";

    protected override Task HandleAsync(AccountRequestSubmitted message, ConsumeContext<AccountRequestSubmitted> context,
        CancellationToken cancellationToken)
    {
        var email = templates.Render(Template, new Dictionary<string, string>
        {
            ["firstName"] = message.FirstName,
            ["lastName"] = message.LastName,
            ["siret"] = message.Siret,
            ["submittedAt"] = ParisTime.Format(message.SubmittedAt),
            ["portalUrl"] = portal.Value.PublicUrl,
            ["assistanceEmail"] = portal.Value.AssistanceEmail,
        });
        Db.OutgoingEmails.Add(OutgoingEmail.Create(context.MessageId!.Value, email, message.Email,
            $"AccountRequest/{message.AccountRequestId}", time.GetUtcNow()));
        return Task.CompletedTask;
    }

    protected override void AfterCommit() => emailSignal.Notify();
}
