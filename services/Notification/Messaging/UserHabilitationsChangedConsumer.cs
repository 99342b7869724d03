using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>Tells a user their rights on an establishment changed; an empty set means they lost access to it.</summary>
public sealed class UserHabilitationsChangedConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : EmailConsumer<UserHabilitationsChanged>(db, metrics, emails)
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

    protected override string TemplateName => Template;

    /// <summary>A first grant is announced by the account creation or "account attached" e-mail, not this one.</summary>
    protected override bool ShouldSend(UserHabilitationsChanged message) => message.PreviousHabilitations.Count > 0;
    protected override IReadOnlyDictionary<string, string> ValuesOf(UserHabilitationsChanged message, PortalOptions portal) => Values(message, portal);
    protected override string RecipientOf(UserHabilitationsChanged message) => message.Email;
    protected override string RelatedEntityOf(UserHabilitationsChanged message) => $"User/{message.UserId}";
}
