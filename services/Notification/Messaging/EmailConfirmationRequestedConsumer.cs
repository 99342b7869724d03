using MassTransit;
using Microsoft.Extensions.Options;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>The first e-mail of a new account: the link that confirms the address.</summary>
public sealed class EmailConfirmationRequestedConsumer(
    NotificationDbContext db,
    MessagingMetrics metrics,
    EmailTemplates templates,
    EmailSignal emailSignal,
    IOptions<PortalOptions> portal,
    TimeProvider time) : InboxConsumer<EmailConfirmationRequested, NotificationDbContext>(db, metrics)
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

    protected override Task HandleAsync(EmailConfirmationRequested message, ConsumeContext<EmailConfirmationRequested> context,
        CancellationToken cancellationToken)
    {
        var email = templates.Render(Template, Values(message, portal.Value));
        Db.OutgoingEmails.Add(OutgoingEmail.Create(context.MessageId!.Value, email, message.Email,
            $"User/{message.UserId}", time.GetUtcNow()));
        return Task.CompletedTask;
    }

    protected override void AfterCommit() => emailSignal.Notify();
}
