using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Onboarding.Domain;
using Opco.SharedKernel.Habilitations;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>
/// What the request forms show besides their fields: the reminder that this portal is not the CPF platform (seed 003:
/// "Certains salariés confondent Mon compte DEFI avec la plateforme de CPF/CPA"), the civilities and the roles of the
/// wizard's "Habilitations souhaitées" with their descriptions.
/// </summary>
public static class FormInfo
{
    public const string CpfNotice =
        "Attention : ce portail est l'espace des entreprises adhérentes de l'OPCO. Ce n'est pas la plateforme Mon Compte Formation (CPF) : "
        + "pour utiliser votre compte personnel de formation, rendez-vous sur moncompteformation.gouv.fr.";

    public sealed record RoleInfo(string Code, string Label, string Description, IReadOnlyList<string> Habilitations);

    public sealed record Response(string CpfNotice, IReadOnlyList<string> Civilities, IReadOnlyList<RoleInfo> Roles);

    public static RouteHandlerBuilder MapAccountRequestFormInfo(this IEndpointRouteBuilder api) =>
        api.MapGet("/account-requests/form", Handle)
            .AllowAnonymous()
            .WithName("AccountRequestFormInfo")
            .WithSummary("What the account request forms show: the CPF notice, civilities and roles (public).");

    public static Ok<Response> Handle() => TypedResults.Ok(new Response(CpfNotice, AccountRequest.Civilities,
        [.. Role.All.Select(r => new RoleInfo(r.Code, r.Label, r.Description, [.. r.Habilitations.Select(h => h.ToString())]))]));
}
