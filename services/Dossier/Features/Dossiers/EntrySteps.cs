using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Dossiers;

/// <summary>
/// Steps 1 to 5 of the entry, each saved as a draft: a missing field is allowed (the step shows it as missing), a wrong
/// one is not. Outside "En cours de saisie" each answers 409 with the message naming the dossier's handler. A step sent
/// with the version its screen read (<c>If-Match</c>) is refused with a 409 if the dossier was saved since, by someone else
/// or in another tab: it would otherwise undo that save.
/// </summary>
public static class EntrySteps
{
    public sealed record TraineesRequest(IReadOnlyList<TraineeLine>? Trainees);

    public sealed record ProviderRequest(Guid? TrainingProviderId);

    public static RouteGroupBuilder MapEntrySteps(this RouteGroupBuilder dossiers)
    {
        dossiers.MapPut("/{id:guid}/frame", SaveFrameAsync).WithName("SaveDossierFrame").WithSummary("Step 1 Cadre: scheme and subrogation.");
        dossiers.MapPut("/{id:guid}/action", SaveActionAsync).WithName("SaveDossierAction").WithSummary("Step 2 Action.");
        dossiers.MapPut("/{id:guid}/provider", SaveProviderAsync).WithName("SaveDossierProvider").WithSummary("Step 3 Organisme.");
        dossiers.MapPut("/{id:guid}/trainees", SaveTraineesAsync).WithName("SaveDossierTrainees").WithSummary("Step 4 Stagiaires.");
        dossiers.MapPut("/{id:guid}/costs", SaveCostsAsync).WithName("SaveDossierCosts").WithSummary("Step 5 Coûts (the salary cost is computed).");
        return dossiers;
    }

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> SaveFrameAsync(string siret, Guid id, FrameForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, async dossier =>
        {
            var scheme = request.SchemeCode is null ? null
                : await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Code == request.SchemeCode && s.IsActive, cancellationToken);
            var (preferred, company) = await PreferredCompanyAsync(db, http, cancellationToken);
            return dossier.SaveFrame(scheme, scheme?.OfferTo(preferred, company), scheme?.DirectPaymentTo(preferred, company), request.DirectPayment,
                time.GetUtcNow());
        });

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> SaveActionAsync(string siret, Guid id, ActionForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, dossier => Task.FromResult(dossier.SaveAction(request, time.GetUtcNow())));

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> SaveProviderAsync(string siret, Guid id, ProviderRequest request,
        HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, async dossier =>
        {
            var provider = await db.TrainingProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.TrainingProviderId, cancellationToken);
            var catalogueOnly = await db.Schemes.AnyAsync(s => s.Code == dossier.SchemeCode && s.CatalogueOnly, cancellationToken);
            return dossier.SaveProvider(provider, catalogueOnly, time.GetUtcNow());
        });

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> SaveTraineesAsync(string siret, Guid id, TraineesRequest request,
        HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, async dossier =>
        {
            var lines = request.Trainees ?? [];
            var ids = lines.Select(l => l.EmployeeId).OfType<Guid>().ToList();
            var employees = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id) && e.Siret == dossier.Siret).ToListAsync(cancellationToken);
            return dossier.SaveTrainees(lines, employees, time.GetUtcNow());
        });

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> SaveCostsAsync(string siret, Guid id, CostsForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, dossier => Task.FromResult(dossier.SaveCosts(request, time.GetUtcNow())));

    /// <summary>The caller's preferred establishment and its company, on which the schemes' rules are judged (seed 001).</summary>
    public static async Task<(string? Siret, Domain.MemberCompany? Company)> PreferredCompanyAsync(DossierDbContext db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var userId = http.User.UserId();
        var preferred = await db.PreferredEstablishments.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.Siret).FirstOrDefaultAsync(cancellationToken);
        var company = preferred is null ? null
            : await db.MemberCompanies.AsNoTracking().FirstOrDefaultAsync(c => c.Siren == preferred.Substring(0, 9), cancellationToken);
        return (preferred, company);
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> SaveAsync(string siret, Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken, Func<FundingDossier, Task<FieldErrors>> save)
    {
        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        if (!IfMatchVersion.Allows(http.Request, dossier.Version)) return DossierStore.ChangedMeanwhile();
        var errors = await save(dossier);
        if (!errors.IsEmpty) return DossierStore.Invalid(errors);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return DossierStore.ChangedMeanwhile();
        return TypedResults.Ok(await DossierView.BuildAsync(db, dossier, DossierView.IsSensitive(http), ParisCalendar.Today(time), cancellationToken));
    }
}
