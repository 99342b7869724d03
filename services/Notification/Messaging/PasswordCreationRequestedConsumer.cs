using MassTransit;
using Microsoft.Extensions.Options;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>The second e-mail of a new account, once its address is confirmed: the link that creates the password.</summary>
public sealed class PasswordCreationRequestedConsumer(
    NotificationDbContext db,
    MessagingMetrics metrics,
    EmailTemplates templates,
    EmailSignal emailSignal,
    IOptions<PortalOptions> portal,
    TimeProvider time) : InboxConsumer<PasswordCreationRequested, NotificationDbContext>(db, metrics)
{
    public const string Template = "create-password";

    public static Dictionary<string, string> Values(PasswordCreationRequested message, PortalOptions portal) => new()
    {
        ["firstName"] = message.FirstName,
        ["lastName"] = message.LastName,
        ["passwordUrl"] = message.PasswordUrl,
        ["expiresAt"] = ParisTime.Format(message.ExpiresAt),
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    protected override Task HandleAsync(PasswordCreationRequested message, ConsumeContext<PasswordCreationRequested> context,
        CancellationToken cancellationToken)
    {
        var email = templates.Render(Template, Values(message, portal.Value));
        Db.OutgoingEmails.Add(OutgoingEmail.Create(context.MessageId!.Value, email, message.Email,
            $"User/{message.UserId}", time.GetUtcNow()));
        return Task.CompletedTask;
    }

    protected override void AfterCommit() => emailSignal.Notify();
}
