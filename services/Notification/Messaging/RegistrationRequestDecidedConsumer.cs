using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>The person who asked to add their company or establishment learns the advisor's decision (and the reason of a refusal).</summary>
public sealed class RegistrationRequestDecidedConsumer(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : EmailConsumer<RegistrationRequestDecided>(db, metrics, emails)
{
    public const string Template = "registration-request-decided";

    public static Dictionary<string, string> Values(RegistrationRequestDecided message, PortalOptions portal) => new()
    {
        ["firstName"] = message.RequesterFirstName,
        ["lastName"] = message.RequesterLastName,
        ["what"] = message.Kind == "Company" ? "entreprise" : "établissement",
        ["decision"] = message.Approved ? "acceptée" : "refusée",
        ["name"] = message.Name,
        ["siret"] = message.Siret,
        ["outcome"] = message.Approved
            ? $"Vous pouvez maintenant demander votre compte : l'{(message.Kind == "Company" ? "entreprise" : "établissement")} figure désormais dans la recherche."
            : $"Motif : {message.Reason}",
        ["decidedAt"] = ParisTime.Format(message.DecidedAt),
        ["portalUrl"] = portal.PublicUrl,
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    protected override string TemplateName => Template;
    protected override IReadOnlyDictionary<string, string> ValuesOf(RegistrationRequestDecided message, PortalOptions portal) => Values(message, portal);
    protected override string RecipientOf(RegistrationRequestDecided message) => message.RequesterEmail;
    protected override string RelatedEntityOf(RegistrationRequestDecided message) => $"RegistrationRequest/{message.RegistrationRequestId}";
}
