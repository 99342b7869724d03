using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Finance.Data;
using Opco.Finance.Domain.Collecte;
using Opco.Messaging;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Finance.Features.Collecte;

/// <summary>
/// « Mes contributions » (Déclarer les contributions formations): the company's branch contribution per year, computed
/// from the rate table (its band's rate × the previous year's gross payroll, never below the band's minimum), drafted
/// then declared, due by 1 March. OPCO administrators record its payment.
/// </summary>
public static class Contributions
{
    public sealed record DeclarationRequest(int? Year, decimal? AverageHeadcount, decimal? Payroll, bool Declare = false);

    public sealed record PaymentRequest(DateOnly? PaidOn);

    public sealed record RateView(string BandCode, string Label, decimal FromHeadcount, decimal? ToHeadcount, decimal Rate, decimal Minimum);

    public sealed record View(Guid Id, string Siren, string Siret, int Year, decimal AverageHeadcount, decimal Payroll, string BandCode, string BandLabel,
        decimal Rate, decimal Minimum, decimal Amount, bool MinimumApplied, DateOnly DueOn, string Status, string StatusLabel, DateTimeOffset? DeclaredAt,
        DateOnly? PaidOn);

    private const string Missing = "Déclaration introuvable.";
    private const string AlreadyDeclared = "Une déclaration existe déjà pour cette entreprise et cette année : ouvrez-la dans la liste.";

    public static RouteGroupBuilder MapContributions(this RouteGroupBuilder establishment)
    {
        var contributions = establishment.MapGroup("/contributions").RequireFunctionality(Functionality.DeclarerContributions);
        contributions.MapGet("/", ListAsync).WithName("ListContributionDeclarations").WithSummary("The company's branch contribution declarations, newest year first.");
        contributions.MapGet("/rates", RatesAsync).WithName("ContributionRates").WithSummary("The branch's rate table: bands of average headcount, rates and minimums.");
        contributions.MapPost("/", CreateAsync).WithName("CreateContributionDeclaration")
            .WithSummary("Drafts (or declares at once) the company's contribution of a year, computed from the rate table; one per company and year.");
        contributions.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateContributionDeclaration").WithSummary("Changes a draft declaration's figures.");
        contributions.MapPost("/{id:guid}/declare", DeclareAsync).WithName("DeclareContribution").WithSummary("Brouillon → Déclarée: the amount is due by 1 March.");
        return establishment;
    }

    public static RouteGroupBuilder MapContributionAdministration(this RouteGroupBuilder admin)
    {
        admin.MapGet("/contributions", AdminListAsync).WithName("AdminListContributionDeclarations")
            .WithSummary("Declared contributions awaiting payment, late ones included (OPCO administrators).");
        admin.MapPost("/contributions/{id:guid}/payment", RecordPaymentAsync).WithName("RecordContributionPayment")
            .WithSummary("Records a declared contribution as paid, once (OPCO administrators).");
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<View>>> ListAsync(string siret, FinanceDbContext db, CancellationToken cancellationToken)
    {
        var siren = CollecteProblems.SirenOf(siret);
        var rows = await db.ContributionDeclarations.AsNoTracking().Where(d => d.Siren == siren).OrderByDescending(d => d.Year).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<View>>([.. rows.Select(ViewOf)]);
    }

    public static async Task<Ok<IReadOnlyList<RateView>>> RatesAsync(FinanceDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<RateView>>([.. (await RateTableAsync(db, cancellationToken))
            .Select(r => new RateView(r.BandCode, r.Label, r.FromHeadcount, r.ToHeadcount, r.Rate, r.Minimum))]);

    public static async Task<Results<Created<View>, ProblemHttpResult>> CreateAsync(string siret, DeclarationRequest request, HttpContext http,
        FinanceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (today, now) = (ParisCalendar.Today(time), time.GetUtcNow());
        var key = Authorization.HabilitationCopy.SiretKey.Of(siret);
        var (declaration, errors) = ContributionDeclaration.Draft(key, new DeclarationForm(request.Year, request.AverageHeadcount, request.Payroll),
            await RateTableAsync(db, cancellationToken), today, now);
        if (declaration is null) return CollecteProblems.Of(errors, "La déclaration n'a pas été enregistrée.");
        if (request.Declare) declaration.Declare(http.User.UserId()!.Value, today, now);
        db.ContributionDeclarations.Add(declaration);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.On(error, ContributionDeclarationConfiguration.OnePerCompanyAndYear))
        {
            return Api.FieldProblem.Of(StatusCodes.Status409Conflict, "La déclaration n'a pas été enregistrée.", "year", AlreadyDeclared);
        }
        return TypedResults.Created($"/api/finance/establishments/{siret}/contributions/{declaration.Id}", ViewOf(declaration));
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> UpdateAsync(string siret, Guid id, DeclarationRequest request, HttpContext http,
        FinanceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, siret, id, cancellationToken) is not { } declaration) return CollecteProblems.NotFound(Missing);
        var today = ParisCalendar.Today(time);
        var errors = declaration.Update(new DeclarationForm(request.Year, request.AverageHeadcount, request.Payroll), await RateTableAsync(db, cancellationToken), today);
        if (!errors.IsEmpty) return CollecteProblems.Of(errors, "La déclaration n'a pas été modifiée.");
        if (request.Declare) declaration.Declare(http.User.UserId()!.Value, today, time.GetUtcNow());
        return await SaveAsync(db, declaration, cancellationToken);
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> DeclareAsync(string siret, Guid id, HttpContext http, FinanceDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, siret, id, cancellationToken) is not { } declaration) return CollecteProblems.NotFound(Missing);
        // Declaring twice is declaring once.
        if (declaration.Status != DeclarationStatus.Draft) return TypedResults.Ok(ViewOf(declaration));
        declaration.Declare(http.User.UserId()!.Value, ParisCalendar.Today(time), time.GetUtcNow());
        return await SaveAsync(db, declaration, cancellationToken);
    }

    public static async Task<Ok<IReadOnlyList<View>>> AdminListAsync(FinanceDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ContributionDeclarations.AsNoTracking()
            .Where(d => d.Status == DeclarationStatus.Declared || d.Status == DeclarationStatus.Late)
            .OrderBy(d => d.DueOn).ThenBy(d => d.Siren).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<View>>([.. rows.Select(ViewOf)]);
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> RecordPaymentAsync(Guid id, PaymentRequest request, HttpContext http,
        FinanceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var declaration = await db.ContributionDeclarations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (declaration is null) return CollecteProblems.NotFound(Missing);
        var (already, errors) = declaration.RecordPayment(request.PaidOn, http.User.UserId()!.Value, ParisCalendar.Today(time));
        if (!errors.IsEmpty) return CollecteProblems.Of(errors, "Le paiement n'a pas été enregistré.");
        return already ? TypedResults.Ok(ViewOf(declaration)) : await SaveAsync(db, declaration, cancellationToken);
    }

    private static async Task<Results<Ok<View>, ProblemHttpResult>> SaveAsync(FinanceDbContext db, ContributionDeclaration declaration,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CollecteProblems.ChangedMeanwhile();
        }
        return TypedResults.Ok(ViewOf(declaration));
    }

    private static async Task<IReadOnlyList<ContributionRate>> RateTableAsync(FinanceDbContext db, CancellationToken cancellationToken) =>
        await db.ContributionRates.AsNoTracking().OrderBy(r => r.FromHeadcount).ToListAsync(cancellationToken);

    private static Task<ContributionDeclaration?> LoadAsync(FinanceDbContext db, string siret, Guid id, CancellationToken cancellationToken)
    {
        var siren = CollecteProblems.SirenOf(siret);
        return db.ContributionDeclarations.FirstOrDefaultAsync(d => d.Id == id && d.Siren == siren, cancellationToken);
    }

    private static View ViewOf(ContributionDeclaration d) => new(d.Id, d.Siren, d.Siret, d.Year, d.AverageHeadcount, d.Payroll, d.BandCode, d.BandLabel,
        d.Rate, d.Minimum, d.Amount, d.MinimumApplied, d.DueOn,
        d.Status.ToString(), DeclarationLabels.Of(d.Status), d.DeclaredAt, d.PaidOn);
}
