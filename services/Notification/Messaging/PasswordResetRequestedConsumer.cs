using MassTransit;
using Microsoft.Extensions.Options;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>"Mot de passe oublié": the link that replaces the password.</summary>
public sealed class PasswordResetRequestedConsumer(
    NotificationDbContext db,
    MessagingMetrics metrics,
    EmailTemplates templates,
    EmailSignal emailSignal,
    IOptions<PortalOptions> portal,
    TimeProvider time) : InboxConsumer<PasswordResetRequested, NotificationDbContext>(db, metrics)
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

    protected override Task HandleAsync(PasswordResetRequested message, ConsumeContext<PasswordResetRequested> context,
        CancellationToken cancellationToken)
    {
        var email = templates.Render(Template, Values(message, portal.Value));
        Db.OutgoingEmails.Add(OutgoingEmail.Create(context.MessageId!.Value, email, message.Email,
            $"User/{message.UserId}", time.GetUtcNow()));
        return Task.CompletedTask;
    }

    protected override void AfterCommit() => emailSignal.Notify();
}
