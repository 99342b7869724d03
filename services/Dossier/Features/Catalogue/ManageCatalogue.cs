using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Catalogue;
using Opco.Dossier.Features.TrainingProviders;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Catalogue;

/// <summary>
/// OPCO administrators manage the catalogue: every offer, published or not (companies only ever see published ones),
/// created and edited, published and withdrawn, with its sessions and their seats left.
/// </summary>
public static class ManageCatalogue
{
    public sealed record AdminRow(Guid Id, string Title, string Theme, string ProviderName, bool IsPublished, int Sessions, DateOnly? NextSession);

    public static RouteGroupBuilder MapManageCatalogue(this RouteGroupBuilder admin)
    {
        admin.MapGet("/offers", ListAsync).WithName("AdminListCatalogueOffers").WithSummary("Every offer, published or not, by title.");
        admin.MapGet("/offers/{id:guid}", GetAsync).WithName("AdminCatalogueOffer").WithSummary("An offer with all its sessions.");
        admin.MapPost("/offers", CreateAsync).WithName("CreateCatalogueOffer").WithSummary("A new offer, unpublished.");
        admin.MapPut("/offers/{id:guid}", EditAsync).WithName("EditCatalogueOffer").WithSummary("Changes an offer.");
        admin.MapPost("/offers/{id:guid}/publication", PublishAsync).WithName("PublishCatalogueOffer").WithSummary("Shows the offer to companies.");
        admin.MapDelete("/offers/{id:guid}/publication", UnpublishAsync).WithName("UnpublishCatalogueOffer").WithSummary("Withdraws the offer.");
        admin.MapPost("/offers/{id:guid}/sessions", AddSessionAsync).WithName("AddCatalogueSession").WithSummary("Adds a session.");
        admin.MapPut("/offers/{id:guid}/sessions/{sessionId:guid}", EditSessionAsync).WithName("EditCatalogueSession")
            .WithSummary("Changes a session (dates, place, region, seats left).");
        admin.MapDelete("/offers/{id:guid}/sessions/{sessionId:guid}", RemoveSessionAsync).WithName("RemoveCatalogueSession").WithSummary("Removes a session.");
        // The offer's provider is one of the registry (Qualiopi certified), found as in a dossier's step « Organisme ».
        admin.MapGet("/providers", async (string? q, DossierDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await TrainingProviderSearch.FindAsync(db, q, TrainingProviderSearch.MaxLimit, cancellationToken)))
            .WithName("AdminCatalogueProviders").WithSummary("Training providers of the registry by SIRET, NDA or name.");
        return admin;
    }

    public static async Task<Ok<List<AdminRow>>> ListAsync(DossierDbContext db, TimeProvider time, CancellationToken cancellationToken, string? q = null)
    {
        var today = ParisCalendar.Today(time);
        var offers = db.CatalogueOffers.AsNoTracking();
        var text = Opco.SharedKernel.Search.SearchText.Normalize(q);
        if (text.Length > 0) offers = offers.Where(o => EF.Functions.Like(o.SearchText, "%" + text + "%"));
        return TypedResults.Ok(await offers.OrderBy(o => o.Title).ThenBy(o => o.Id)
            .Select(o => new AdminRow(o.Id, o.Title, o.Theme, o.ProviderName, o.IsPublished, o.Sessions.Count,
                o.Sessions.Where(s => s.StartDate > today).Min(s => (DateOnly?)s.StartDate)))
            .ToListAsync(cancellationToken));
    }

    public static async Task<Results<Ok<OfferView>, ProblemHttpResult>> GetAsync(Guid id, DossierDbContext db, CancellationToken cancellationToken)
    {
        var offer = await db.CatalogueOffers.AsNoTracking().Include(o => o.Sessions).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return offer is null ? CatalogueProblems.NotFound() : TypedResults.Ok(await ViewAsync(db, offer, cancellationToken));
    }

    public static async Task<Results<Created<OfferView>, ProblemHttpResult>> CreateAsync(CatalogueOfferForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var provider = request.TrainingProviderId is { } providerId
            ? await db.TrainingProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken) : null;
        var (offer, errors) = CatalogueOffer.Create(request, provider, http.User.UserId(), time.GetUtcNow());
        if (offer is null) return CatalogueProblems.Invalid(errors);
        db.CatalogueOffers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/dossier/admin/catalogue/offers/{offer.Id}", await ViewAsync(db, offer, cancellationToken));
    }

    public static Task<Results<Ok<OfferView>, ProblemHttpResult>> EditAsync(Guid id, CatalogueOfferForm request, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, cancellationToken, async offer =>
        {
            var provider = request.TrainingProviderId is { } providerId
                ? await db.TrainingProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken) : null;
            return offer.Edit(request, provider, http.User.UserId()!.Value, time.GetUtcNow());
        });

    public static Task<Results<Ok<OfferView>, ProblemHttpResult>> PublishAsync(Guid id, HttpContext http, DossierDbContext db, TimeProvider time,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, db, cancellationToken, offer =>
            Task.FromResult(offer.Publish(ParisCalendar.Today(time), http.User.UserId()!.Value, time.GetUtcNow())));

    public static Task<Results<Ok<OfferView>, ProblemHttpResult>> UnpublishAsync(Guid id, HttpContext http, DossierDbContext db, TimeProvider time,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, db, cancellationToken, offer =>
        {
            offer.Unpublish(http.User.UserId()!.Value, time.GetUtcNow());
            return Task.FromResult(new FieldErrors());
        });

    public static Task<Results<Ok<OfferView>, ProblemHttpResult>> AddSessionAsync(Guid id, CatalogueSessionForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, cancellationToken, offer => Task.FromResult(offer.AddSession(request, http.User.UserId(), time.GetUtcNow()).Errors));

    public static Task<Results<Ok<OfferView>, ProblemHttpResult>> EditSessionAsync(Guid id, Guid sessionId, CatalogueSessionForm request,
        HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, cancellationToken, offer => Task.FromResult(offer.EditSession(sessionId, request, http.User.UserId()!.Value, time.GetUtcNow())));

    public static Task<Results<Ok<OfferView>, ProblemHttpResult>> RemoveSessionAsync(Guid id, Guid sessionId, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, cancellationToken, offer =>
            Task.FromResult(offer.RemoveSession(sessionId, ParisCalendar.Today(time), http.User.UserId()!.Value, time.GetUtcNow())));

    private static async Task<Results<Ok<OfferView>, ProblemHttpResult>> ChangeAsync(Guid id, DossierDbContext db, CancellationToken cancellationToken,
        Func<CatalogueOffer, Task<FieldErrors>> change)
    {
        var offer = await db.CatalogueOffers.Include(o => o.Sessions).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (offer is null) return CatalogueProblems.NotFound();
        var errors = await change(offer);
        if (!errors.IsEmpty) return CatalogueProblems.Invalid(errors);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CatalogueProblems.ChangedMeanwhile();
        }
        return TypedResults.Ok(await ViewAsync(db, offer, cancellationToken));
    }

    private static async Task<OfferView> ViewAsync(DossierDbContext db, CatalogueOffer offer, CancellationToken cancellationToken) =>
        OfferView.Of(offer, await OfferView.SchemeLabelAsync(db, cancellationToken), offer.Sessions);
}
