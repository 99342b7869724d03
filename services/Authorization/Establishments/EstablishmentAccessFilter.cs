using Opco.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Opco.SharedKernel.Habilitations;

namespace Opco.Authorization.Establishments;

/// <summary>
/// Lets the request through only when the caller is active and holds, on the establishment of the <c>siret</c> route
/// value, a habilitation allowing one of the functionalities (any habilitation when there is none). Staff get no special
/// treatment here. What the caller holds is left in <see cref="EstablishmentAccess"/> for the endpoint.
/// </summary>
internal sealed class EstablishmentAccessFilter(IReadOnlyList<Functionality> functionalities) : IEndpointFilter
{
    public const string Inactive = "Votre compte est désactivé.";
    public const string NotFound = "Établissement introuvable.";
    public const string Forbidden = "Vous n'avez pas l'habilitation nécessaire pour cette fonctionnalité.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var siret = http.GetRouteValue("siret") as string;
        // Machine clients have a client id, not a user id, as subject: they hold nothing on any establishment.
        if (http.User.UserId() is not { } userId || siret is null)
            return TypedResults.Problem(title: NotFound, statusCode: StatusCodes.Status404NotFound);

        var rights = await http.RequestServices.GetRequiredService<IEstablishmentRights>().ReadAsync(userId, siret, http.RequestAborted);
        if (!rights.IsActive)
            return TypedResults.Problem(title: Inactive, statusCode: StatusCodes.Status403Forbidden);
        // Same answer as for an establishment that does not exist: who is attached where is not disclosed.
        if (rights.Held.Count == 0)
            return TypedResults.Problem(title: NotFound, statusCode: StatusCodes.Status404NotFound);
        if (functionalities.Count > 0 && !functionalities.Any(required => HabilitationMatrix.Allows(rights.Held, required)))
            return TypedResults.Problem(title: Forbidden, statusCode: StatusCodes.Status403Forbidden);

        http.Features.Set(new EstablishmentAccess(rights.Held));
        return await next(context);
    }
}
