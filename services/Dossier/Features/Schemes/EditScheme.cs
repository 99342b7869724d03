using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Schemes;

/// <summary>An OPCO administrator changes a scheme's rules or ceilings; dossiers already decided keep what they were given.</summary>
public static class EditScheme
{
    public const string InvalidScheme = "Le dispositif n'a pas été modifié : vérifiez les champs signalés.";

    public static RouteHandlerBuilder MapEditScheme(this RouteGroupBuilder schemes) =>
        schemes.MapPut("/{code}", HandleAsync)
            .RequireAdministrator()
            .WithName("EditScheme")
            .WithSummary("Changes a scheme's label, availability, eligibility, subrogation rule and ceilings (OPCO administrators).");

    public static async Task<Results<Ok<SchemeView>, ValidationProblem, ProblemHttpResult>> HandleAsync(string code, SchemeForm request,
        HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var scheme = await db.Schemes.FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (scheme is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dispositif introuvable.");
        var errors = scheme.Edit(request, http.User.UserId()!.Value, time.GetUtcNow());
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidScheme);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Ce dispositif vient d'être modifié par quelqu'un d'autre : rechargez-le, puis refaites votre modification.");
        }
        return TypedResults.Ok(SchemeView.Of(scheme));
    }
}
