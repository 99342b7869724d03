using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Opco.SharedKernel.Habilitations;

namespace Opco.Authorization.Establishments;

/// <summary>
/// "What may I do here?": every functionality the caller may use on an establishment, so the web front end shows
/// only the menus it allows. The same answer in every service, whatever concerns that service.
/// </summary>
public static class Permissions
{
    public sealed record Response(string Siret, IReadOnlyList<Allowed> Functionalities);

    public sealed record Allowed(string Functionality, string Label);

    public static RouteHandlerBuilder MapEstablishmentPermissions(this IEndpointRouteBuilder api) =>
        api.MapGet("/establishments/{siret}/permissions", Handle)
            .RequireAnyHabilitation()
            .WithName("EstablishmentPermissions")
            .WithSummary("The functionalities the caller may use on an establishment.");

    public static Ok<Response> Handle(string siret, HttpContext http)
    {
        var held = http.Features.GetRequiredFeature<EstablishmentAccess>().Held;
        var allowed = HabilitationMatrix.Allowed(held)
            .Select(f => new Allowed(f.ToString(), HabilitationMatrix.For(f).Label)).ToList();
        return TypedResults.Ok(new Response(HabilitationCopy.SiretKey.Of(siret), allowed));
    }
}
