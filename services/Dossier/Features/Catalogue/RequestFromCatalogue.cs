using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Catalogue;
using Opco.Dossier.Domain.Dossiers;
using Opco.Dossier.Features.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Catalogue;

/// <summary>
/// « Demander la prise en charge » of a catalogue offer: a new draft on the establishment of the route (« Créer un dossier »
/// there), filled through the dossier's own steps: Cadre with the scheme « Sélection DEFi » (its rules judged as in the
/// entry), Action from the offer and the chosen session, Organisme with the offer's provider. The user goes on with the
/// entry (subrogation, trainees, costs, pieces). No seat is taken: the OPCO counts seats itself.
/// </summary>
public static class RequestFromCatalogue
{
    public sealed record Request(Guid? OfferId, Guid? SessionId);

    public static RouteHandlerBuilder MapRequestFromCatalogue(this RouteGroupBuilder dossiers) =>
        dossiers.MapPost("/from-catalogue", HandleAsync)
            .WithName("RequestFromCatalogue")
            .WithSummary("Starts a dossier pre-filled from a catalogue offer and one of its sessions (Créer un dossier).");

    public static async Task<Results<Created<DossierView>, ProblemHttpResult>> HandleAsync(string siret, Request request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (today, now) = (ParisCalendar.Today(time), time.GetUtcNow());
        var offer = await db.CatalogueOffers.AsNoTracking().Include(o => o.Sessions)
            .FirstOrDefaultAsync(o => o.Id == request.OfferId, cancellationToken);
        if (offer is null) return CatalogueProblems.NotFound();
        if (offer.CannotRequest(offer.Sessions.FirstOrDefault(s => s.Id == request.SessionId), today) is { } reason)
            return DossierStore.Invalid(new FieldErrors().Add("sessionId", reason));
        var session = offer.Sessions.Single(s => s.Id == request.SessionId);

        var key = SiretKey.Of(siret);
        var advisor = await db.MemberCompanies.Where(c => c.Siren == key.Substring(0, 9)).Select(c => c.AdvisorEmail).FirstOrDefaultAsync(cancellationToken);
        var dossier = FundingDossier.CreateFromCatalogue(key, offer.Id, offer.TrainingProviderId, DossierStore.ActorOf(http.User),
            advisor ?? CreateDossier.DefaultHandler, now);
        var scheme = await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Code == CatalogueOffer.SchemeCode && s.IsActive, cancellationToken);
        var (preferred, company) = await EntrySteps.PreferredCompanyAsync(db, http, cancellationToken);
        var provider = await db.TrainingProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Id == offer.TrainingProviderId, cancellationToken);
        // Subrogation stays to choose at step 1.
        var errors = dossier.SaveFrame(scheme, scheme?.OfferTo(preferred, company), scheme?.DirectPaymentTo(preferred, company), null, now);
        if (errors.IsEmpty)
            errors = dossier.SaveAction(new ActionForm(offer.Title, offer.Nature.ToString(), offer.Modality.ToString(), null, session.StartDate,
                session.EndDate, offer.Hours, session.Place), now);
        if (errors.IsEmpty) errors = dossier.SaveProvider(provider, scheme!.CatalogueOnly, now);
        // Nothing saved unless every step took what the offer gives.
        if (!errors.IsEmpty) return DossierStore.Invalid(errors);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/dossier/establishments/{key}/dossiers/{dossier.Id}",
            await DossierView.BuildAsync(db, dossier, DossierView.IsSensitive(http), today, cancellationToken));
    }
}
