using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Identity.Data;
using Opco.Identity.Features.Users;
using Opco.SharedKernel;

namespace Opco.Identity.Features.Profile;

/// <summary>
/// "Établissement préféré": chosen among the establishments the user can access; it drives "Plan", subrogation and
/// the offer banner.
/// </summary>
public static class PreferredEstablishment
{
    public sealed record Request(string? Siret);

    public static RouteGroupBuilder MapPreferredEstablishment(this RouteGroupBuilder me)
    {
        me.MapPut("/preferred-establishment", HandleAsync)
            .WithName("SetPreferredEstablishment")
            .WithSummary("Sets the caller's preferred establishment.");
        return me;
    }

    public static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> HandleAsync(
        Request request, HttpContext context, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        if (!Siret.TryParse(request.Siret, out var siret) || caller.Account.Accesses.All(a => a.Siret != siret!.Value))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["siret"] = ["Choisissez un des établissements auxquels vous avez accès."],
            }, title: "L'établissement préféré n'a pas été modifié.");

        // IdentityDbContext tells the other services.
        caller.Account.PreferredSiret = siret!.Value;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
