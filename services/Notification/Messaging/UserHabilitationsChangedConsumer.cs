using MassTransit;
using Microsoft.Extensions.Options;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>Tells a user their rights on an establishment changed; an empty set means they lost access to it.</summary>
public sealed class UserHabilitationsChangedConsumer(
    NotificationDbContext db,
    MessagingMetrics metrics,
    EmailTemplates templates,
    EmailSignal emailSignal,
    IOptions<PortalOptions> portal,
    TimeProvider time) : InboxConsumer<UserHabilitationsChanged, NotificationDbContext>(db, metrics)
{
    public const string Template = "habilitations-changed";
    public const string NoMoreAccess = "Vous n'avez plus accès à cet établissement.";

    public static Dictionary<string, string> Values(UserHabilitationsChanged message, PortalOptions portal) => new()
    {
        ["firstName"] = message.FirstName,
        ["lastName"] = message.LastName,
        ["establishmentName"] = message.EstablishmentName,
        ["siret"] = message.Siret,
        ["habilitations"] = message.Habilitations.Count == 0
            ? NoMoreAccess
            : $"Vos habilitations sont désormais : {HabilitationList.Format(message.Habilitations)}.",
        ["previousHabilitations"] = HabilitationList.Format(message.PreviousHabilitations),
        ["changedAt"] = ParisTime.Format(message.ChangedAt),
        ["portalUrl"] = portal.PublicUrl,
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    protected override Task HandleAsync(UserHabilitationsChanged message, ConsumeContext<UserHabilitationsChanged> context,
        CancellationToken cancellationToken)
    {
        var email = templates.Render(Template, Values(message, portal.Value));
        Db.OutgoingEmails.Add(OutgoingEmail.Create(context.MessageId!.Value, email, message.Email,
            $"User/{message.UserId}", time.GetUtcNow()));
        return Task.CompletedTask;
    }

    protected override void AfterCommit() => emailSignal.Notify();
}
