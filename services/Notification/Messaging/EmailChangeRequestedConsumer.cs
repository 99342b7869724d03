using MassTransit;
using Microsoft.Extensions.Options;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>"Mon profil": confirms the new address before it replaces the old one, by a link sent to that new address.</summary>
public sealed class EmailChangeRequestedConsumer(
    NotificationDbContext db,
    MessagingMetrics metrics,
    EmailTemplates templates,
    EmailSignal emailSignal,
    IOptions<PortalOptions> portal,
    TimeProvider time) : InboxConsumer<EmailChangeRequested, NotificationDbContext>(db, metrics)
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

    protected override Task HandleAsync(EmailChangeRequested message, ConsumeContext<EmailChangeRequested> context,
        CancellationToken cancellationToken)
    {
        var email = templates.Render(Template, Values(message, portal.Value));
        Db.OutgoingEmails.Add(OutgoingEmail.Create(context.MessageId!.Value, email, message.NewEmail,
            $"User/{message.UserId}", time.GetUtcNow()));
        return Task.CompletedTask;
    }

    protected override void AfterCommit() => emailSignal.Notify();
}
