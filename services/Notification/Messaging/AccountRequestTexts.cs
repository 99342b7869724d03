using Opco.Contracts.Onboarding;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>What the account-request e-mails and notifications say of a request, in French.</summary>
public static class AccountRequestTexts
{
    /// <summary>Where deciders find the request: "Mes utilisateurs › Demandes de création de compte".</summary>
    public const string RequestsPath = "/utilisateurs/demandes";

    public static string RequestsUrl(PortalOptions portal) => portal.PublicUrl.TrimEnd('/') + RequestsPath;

    public static string Requester(RequestSummary request) =>
        $"{request.FirstName} {request.LastName.ToUpperInvariant()}" + (string.IsNullOrWhiteSpace(request.JobTitle) ? "" : $" ({request.JobTitle})");

    public static string Why(string routedTo) => routedTo == "Advisor"
        ? "Vous recevez cette demande en tant que conseiller formation de l'entreprise, car cet établissement n'a pas de gestionnaire."
        : "Vous recevez cette demande en tant que gestionnaire de cet établissement.";

    public static Dictionary<string, string> Values(RequestSummary request, RequestRecipient recipient, string routedTo, PortalOptions portal) => new()
    {
        ["firstName"] = recipient.FirstName,
        ["lastName"] = recipient.LastName,
        ["requester"] = Requester(request),
        ["kind"] = request.Kind,
        ["establishmentName"] = request.EstablishmentName,
        ["siret"] = request.Siret,
        ["companyName"] = request.CompanyName,
        ["submittedAt"] = ParisTime.Format(request.SubmittedAt),
        ["why"] = Why(routedTo),
        ["requestsUrl"] = RequestsUrl(portal),
        ["assistanceEmail"] = portal.AssistanceEmail,
    };

    public static string ToValidateBody(RequestSummary request) =>
        $"{Requester(request)} demande un compte (type de demande : {request.Kind}) sur l'établissement {request.EstablishmentName} "
        + $"(SIRET {request.Siret}) de {request.CompanyName}.";
}
