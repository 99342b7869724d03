using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Dossiers;

/// <summary>Loading a dossier whole, computing its costs, and the answers every dossier endpoint shares.</summary>
public static class DossierStore
{
    public const string InvalidEntry = "Le dossier n'a pas été enregistré : vérifiez les champs signalés.";

    /// <summary>The dossier of that establishment, with everything it holds; null when it is not there (or not this establishment's).</summary>
    public static Task<FundingDossier?> LoadAsync(DossierDbContext db, string siret, Guid id, CancellationToken cancellationToken) =>
        Whole(db).FirstOrDefaultAsync(d => d.Id == id && d.Siret == SiretKey.Of(siret), cancellationToken);

    public static IQueryable<FundingDossier> Whole(DossierDbContext db) =>
        db.Dossiers.Include(d => d.Trainees).Include(d => d.IncidentalCosts).Include(d => d.Documents)
            .Include(d => d.History).Include(d => d.Comments).AsSplitQuery();

    /// <summary>The costs as the scheme funds them, each trainee's wage taken on the action's start date (today before one is set).</summary>
    public static async Task<DossierCosts> CostsAsync(DossierDbContext db, FundingDossier dossier, DateOnly today, CancellationToken cancellationToken)
    {
        var scheme = dossier.SchemeCode is null ? null
            : await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Code == dossier.SchemeCode, cancellationToken);
        var day = dossier.StartDate ?? today;
        var ids = dossier.Trainees.Select(t => t.EmployeeId).ToList();
        var wages = await db.HourlyWages.AsNoTracking().Where(w => ids.Contains(w.EmployeeId) && w.AppliesFrom <= day)
            .GroupBy(w => w.EmployeeId)
            .Select(g => g.OrderByDescending(w => w.AppliesFrom).Select(w => new { w.EmployeeId, w.HourlyGross }).First())
            .ToDictionaryAsync(w => w.EmployeeId, w => w.HourlyGross, cancellationToken);
        return DossierCosts.Of(dossier, scheme?.Ceilings ?? new SchemeCeilings(null, null, null, null, null, null), wages);
    }

    /// <summary>The signed-in user as history and comments name them.</summary>
    public static Actor ActorOf(ClaimsPrincipal user) =>
        new(user.UserId(), user.FindFirst("name")?.Value ?? user.FindFirst("email")?.Value ?? "Utilisateur du portail");

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dossier introuvable.");

    /// <summary>A move the dossier refuses (status, completeness, date…): 409 with the French reason.</summary>
    public static ProblemHttpResult Refused(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Action impossible sur ce dossier.", detail: reason);

    public static ProblemHttpResult ChangedMeanwhile() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Ce dossier vient d'être modifié par quelqu'un d'autre : rechargez-le, puis refaites votre modification.");

    /// <summary>Field errors of a step (400), or, when the dossier may not change at all, the 409 that names its handler.</summary>
    public static ProblemHttpResult Invalid(FieldErrors errors)
    {
        var fields = errors.ToDictionary();
        return fields.TryGetValue("status", out var status)
            ? Refused(status[0])
            : TypedResults.Problem(new HttpValidationProblemDetails(fields) { Status = StatusCodes.Status400BadRequest, Title = InvalidEntry });
    }

    /// <summary>Saves, or tells the caller someone else changed the dossier first.</summary>
    public static async Task<bool> TrySaveAsync(DossierDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
