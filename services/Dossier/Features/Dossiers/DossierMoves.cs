using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Dossiers;

/// <summary>The company's moves: "Transmettre le dossier", "Déverrouiller la demande", sending back the pieces asked for, cancelling, deleting a draft.</summary>
public static class DossierMoves
{
    public sealed record ReasonRequest(string? Reason);

    /// <summary>The dossier after the move, and what the user should still know (late start, ceilings, wages not recorded).</summary>
    public sealed record MoveResult(DossierView Dossier, IReadOnlyList<string> Warnings);

    public static RouteGroupBuilder MapDossierMoves(this RouteGroupBuilder dossiers)
    {
        dossiers.MapPost("/{id:guid}/transmission", TransmitAsync).WithName("RequestDossierTransmission")
            .WithSummary("Transmettre le dossier: complete only, before the training starts; it leaves with the nightly transmission.");
        dossiers.MapPost("/{id:guid}/unlock", UnlockAsync).WithName("UnlockDossier")
            .WithSummary("Déverrouiller la demande: back to En cours de saisie before the nightly transmission.");
        dossiers.MapPost("/{id:guid}/return", ReturnAsync).WithName("ReturnDossierWithDocuments")
            .WithSummary("Sends the dossier back to the advisor once the pieces asked for are added.");
        dossiers.MapPost("/{id:guid}/cancellation", CancelAsync).WithName("CancelDossier")
            .WithSummary("Cancels an accepted dossier before the training starts, with a reason.");
        dossiers.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteDossier")
            .WithSummary("Deletes a dossier still being entered.");
        return dossiers;
    }

    public static async Task<Results<Ok<MoveResult>, ProblemHttpResult>> TransmitAsync(string siret, Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        var today = ParisCalendar.Today(time);
        var costs = await DossierStore.CostsAsync(db, dossier, today, cancellationToken);
        var scheme = dossier.SchemeCode is null ? null : await db.Schemes.FindAsync([dossier.SchemeCode], cancellationToken);
        var (preferred, company) = await EntrySteps.PreferredCompanyAsync(db, http, cancellationToken);
        var offer = scheme is { IsActive: true } ? scheme.OfferTo(preferred, company) : SchemeOffer.No("Ce dispositif n'est plus proposé : choisissez-en un autre.");
        var refusal = dossier.RequestTransmission(DossierStore.ActorOf(http.User), costs, offer, today, time.GetUtcNow(), out var warnings);
        if (refusal is not null) return DossierStore.Refused(refusal);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return DossierStore.ChangedMeanwhile();
        var sensitive = DossierView.IsSensitive(http);
        return TypedResults.Ok(new MoveResult(await DossierView.BuildAsync(db, dossier, sensitive, today, cancellationToken),
            sensitive && costs.ActionCapWarning is { } cap ? [.. warnings, cap] : warnings));
    }

    public static Task<Results<Ok<MoveResult>, ProblemHttpResult>> UnlockAsync(string siret, Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        MoveAsync(siret, id, http, db, time, cancellationToken, dossier => dossier.Unlock(DossierStore.ActorOf(http.User), time.GetUtcNow()));

    public static Task<Results<Ok<MoveResult>, ProblemHttpResult>> ReturnAsync(string siret, Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        MoveAsync(siret, id, http, db, time, cancellationToken, dossier => dossier.ReturnWithDocuments(DossierStore.ActorOf(http.User), time.GetUtcNow()));

    public static async Task<Results<Ok<MoveResult>, ProblemHttpResult>> CancelAsync(string siret, Guid id, ReasonRequest request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        var errors = dossier.Cancel(request.Reason, DossierStore.ActorOf(http.User), DossierActor.Company, ParisCalendar.Today(time), time.GetUtcNow());
        if (!errors.IsEmpty) return DossierStore.Invalid(errors);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return DossierStore.ChangedMeanwhile();
        return TypedResults.Ok(new MoveResult(await DossierView.BuildAsync(db, dossier, DossierView.IsSensitive(http), ParisCalendar.Today(time), cancellationToken), []));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string siret, Guid id, DossierDbContext db, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        if (!dossier.IsEditable) return DossierStore.Refused(dossier.NotEditableReason);
        db.Dossiers.Remove(dossier);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return DossierStore.ChangedMeanwhile();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MoveResult>, ProblemHttpResult>> MoveAsync(string siret, Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken, Func<FundingDossier, string?> move)
    {
        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        if (move(dossier) is { } refusal) return DossierStore.Refused(refusal);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return DossierStore.ChangedMeanwhile();
        return TypedResults.Ok(new MoveResult(await DossierView.BuildAsync(db, dossier, DossierView.IsSensitive(http), ParisCalendar.Today(time), cancellationToken), []));
    }
}
