using MassTransit;
using Microsoft.Extensions.Options;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>Tells an existing user that their account now reaches another establishment, and with which rights.</summary>
public sealed class UserAttachedToEstablishmentConsumer(
    NotificationDbContext db,
    MessagingMetrics metrics,
    EmailTemplates templates,
    EmailSignal emailSignal,
    IOptions<PortalOptions> portal,
    TimeProvider time) : InboxConsumer<UserAttachedToEstablishment, NotificationDbContext>(db, metrics)
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

    protected override Task HandleAsync(UserAttachedToEstablishment message, ConsumeContext<UserAttachedToEstablishment> context,
        CancellationToken cancellationToken)
    {
        var email = templates.Render(Template, Values(message, portal.Value));
        Db.OutgoingEmails.Add(OutgoingEmail.Create(context.MessageId!.Value, email, message.Email,
            $"User/{message.UserId}", time.GetUtcNow()));
        return Task.CompletedTask;
    }

    protected override void AfterCommit() => emailSignal.Notify();
}
