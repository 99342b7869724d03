using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Catalogue;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Dossier.Features.Catalogue;

public sealed record SessionView(Guid Id, DateOnly StartDate, DateOnly EndDate, string Place, string Region, int SeatsLeft);

/// <summary>An offer with its sessions (all of them for administrators, those to come for companies).</summary>
public sealed record OfferView(Guid Id, string Title, string Theme, Guid TrainingProviderId, string ProviderName, string ProviderSiret,
    decimal Hours, string Nature, string NatureLabel, string Modality, string ModalityLabel, decimal Price, decimal CoveredAmount,
    string SchemeCode, string SchemeLabel, string Description, bool IsPublished, DateTimeOffset UpdatedAt, IReadOnlyList<SessionView> Sessions)
{
    public static OfferView Of(CatalogueOffer offer, string schemeLabel, IEnumerable<CatalogueSession> sessions) =>
        new(offer.Id, offer.Title, offer.Theme, offer.TrainingProviderId, offer.ProviderName, offer.ProviderSiret, offer.Hours,
            offer.Nature.ToString(), DossierLabels.Of(offer.Nature), offer.Modality.ToString(), DossierLabels.Of(offer.Modality), offer.Price,
            offer.CoveredAmount, CatalogueOffer.SchemeCode, schemeLabel, offer.Description, offer.IsPublished, offer.UpdatedAt,
            [.. sessions.OrderBy(s => s.StartDate).ThenBy(s => s.Place).Select(s => new SessionView(s.Id, s.StartDate, s.EndDate, s.Place, s.Region, s.SeatsLeft))]);

    public static async Task<string> SchemeLabelAsync(DossierDbContext db, CancellationToken cancellationToken) =>
        await db.Schemes.AsNoTracking().Where(s => s.Code == CatalogueOffer.SchemeCode).Select(s => s.Label).FirstOrDefaultAsync(cancellationToken)
        ?? "Sélection DEFi";
}

/// <summary>
/// Who reads the catalogue: every habilitation grants « Accéder au catalogue Sélection DEFi Formations » (seed 003), so any
/// active user holding one somewhere, and the OPCO's staff.
/// </summary>
public static class CatalogueAccess
{
    public static async Task<bool> MayReadAsync(HttpContext http, IEstablishmentRights rights, CancellationToken cancellationToken) =>
        http.User.IsAdvisor() || http.User.IsAdministrator()
        || (http.User.UserId() is { } userId
            && (await rights.EstablishmentsAllowingAsync(userId, Functionality.AccederCatalogueSelectionDefi, cancellationToken)).Count > 0);
}

/// <summary>The answers the catalogue's endpoints share.</summary>
public static class CatalogueProblems
{
    public const string InvalidOffer = "L'offre n'a pas été enregistrée : vérifiez les champs signalés.";

    public static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Cette offre n'est pas au catalogue.");

    public static ProblemHttpResult Invalid(FieldErrors errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary()) { Status = StatusCodes.Status400BadRequest, Title = InvalidOffer });

    public static ProblemHttpResult ChangedMeanwhile() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Cette offre vient d'être modifiée par quelqu'un d'autre : rechargez-la, puis refaites votre modification.");
}
