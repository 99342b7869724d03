using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Dossiers;

/// <summary>"Créer un dossier" on an establishment: an empty draft, handled by the company's advisor, to fill step by step.</summary>
public static class CreateDossier
{
    /// <summary>Named when the registry does not say who the company's advisor is.</summary>
    public const string DefaultHandler = "votre conseiller formation";

    public static RouteHandlerBuilder MapCreateDossier(this RouteGroupBuilder dossiers) =>
        dossiers.MapPost("/", HandleAsync)
            .WithName("CreateDossier")
            .WithSummary("Starts a dossier (En cours de saisie) on the establishment (Créer un dossier).");

    public static async Task<Created<DossierView>> HandleAsync(string siret, HttpContext http, DossierDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var key = SiretKey.Of(siret);
        var advisor = await db.MemberCompanies.Where(c => c.Siren == key.Substring(0, 9)).Select(c => c.AdvisorEmail).FirstOrDefaultAsync(cancellationToken);
        var dossier = FundingDossier.Create(key, DossierStore.ActorOf(http.User), advisor ?? DefaultHandler, time.GetUtcNow());
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/dossier/establishments/{key}/dossiers/{dossier.Id}",
            await DossierView.BuildAsync(db, dossier, DossierView.IsSensitive(http), ParisCalendar.Today(time), cancellationToken));
    }
}
