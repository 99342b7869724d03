using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Features.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Contracts;

/// <summary>
/// "Créer un contrat de pro" and its steps 1 to 5, each saved as a draft: a missing field is allowed, a wrong one or one
/// failing a legal check of its step is not. Outside « Brouillon » each answers 409, and so does a step sent with the
/// version its screen read (<c>If-Match</c>) when the contract was saved since.
/// </summary>
public static class ContractEntry
{
    public static RouteGroupBuilder MapContractEntry(this RouteGroupBuilder contracts)
    {
        contracts.MapPost("/", CreateAsync).WithName("CreateContract")
            .WithSummary("Starts a contrat de professionnalisation (Brouillon) on the employer establishment.");
        contracts.MapPut("/{id:guid}/trainee", SaveTraineeAsync).WithName("SaveContractTrainee").WithSummary("Step 1 Salarié: the trainee and the public.");
        contracts.MapPut("/{id:guid}/tutor", SaveTutorAsync).WithName("SaveContractTutor").WithSummary("Step 2 Tuteur.");
        contracts.MapPut("/{id:guid}/terms", SaveTermsAsync).WithName("SaveContractTerms").WithSummary("Step 3 Contrat: kind, type, dates, hours, job, qualification.");
        contracts.MapPut("/{id:guid}/training", SaveTrainingAsync).WithName("SaveContractTraining").WithSummary("Step 4 Formation.");
        contracts.MapPut("/{id:guid}/pay", SavePayAsync).WithName("SaveContractPay").WithSummary("Step 5 Rémunération.");
        return contracts;
    }

    public static RouteHandlerBuilder MapContractDetails(this RouteGroupBuilder readers) =>
        readers.MapGet("/{id:guid}", DetailsAsync).WithName("ContractDetails").WithSummary("A contract whole: steps, funding, checks, timeline.");

    public static async Task<Created<ContractView>> CreateAsync(string siret, HttpContext http, DossierDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var key = SiretKey.Of(siret);
        var contract = ProfessionalisationContract.Create(key, DossierStore.ActorOf(http.User), await HandlerAsync(db, key, cancellationToken), time.GetUtcNow());
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/dossier/establishments/{key}/contracts/{contract.Id}", await ContractView.BuildAsync(db, contract, ParisCalendar.Today(time), cancellationToken));
    }

    public static async Task<Results<Ok<ContractView>, ProblemHttpResult>> DetailsAsync(string siret, Guid id, DossierDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var contract = await ContractStore.LoadAsync(db, siret, id, cancellationToken);
        return contract is null ? ContractStore.NotFound() : TypedResults.Ok(await ContractView.BuildAsync(db, contract, ParisCalendar.Today(time), cancellationToken));
    }

    public static Task<Results<Ok<ContractView>, ProblemHttpResult>> SaveTraineeAsync(string siret, Guid id, TraineeForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, async contract =>
        {
            var trainee = await EmployeeAsync(db, contract, request.EmployeeId, cancellationToken);
            return contract.SaveTrainee(request, trainee, await ContractStore.ContextAsync(db, contract, cancellationToken), time.GetUtcNow());
        });

    public static Task<Results<Ok<ContractView>, ProblemHttpResult>> SaveTutorAsync(string siret, Guid id, TutorForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, async contract =>
        {
            var tutor = await EmployeeAsync(db, contract, request.TutorEmployeeId, cancellationToken);
            var context = await ContractStore.ContextAsync(db, contract, contract.TrainingProviderId, tutor?.Id, cancellationToken);
            return contract.SaveTutor(request, tutor, context, time.GetUtcNow());
        });

    public static Task<Results<Ok<ContractView>, ProblemHttpResult>> SaveTermsAsync(string siret, Guid id, TermsForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, async contract =>
            contract.SaveTerms(request, await ContractStore.ContextAsync(db, contract, cancellationToken), time.GetUtcNow()));

    public static Task<Results<Ok<ContractView>, ProblemHttpResult>> SaveTrainingAsync(string siret, Guid id, TrainingForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, async contract =>
        {
            var provider = request.TrainingProviderId is null ? null
                : await db.TrainingProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.TrainingProviderId, cancellationToken);
            var context = await ContractStore.ContextAsync(db, contract, provider?.Id, contract.TutorEmployeeId, cancellationToken);
            return contract.SaveTraining(request, provider, context, time.GetUtcNow());
        });

    public static Task<Results<Ok<ContractView>, ProblemHttpResult>> SavePayAsync(string siret, Guid id, PayForm request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(siret, id, http, db, time, cancellationToken, async contract =>
            contract.SavePay(request, await ContractStore.ContextAsync(db, contract, cancellationToken), time.GetUtcNow()));

    /// <summary>Who handles the establishment's contracts at the OPCO: the company's advisor.</summary>
    public static async Task<string> HandlerAsync(DossierDbContext db, string siret, CancellationToken cancellationToken) =>
        await db.MemberCompanies.Where(c => c.Siren == siret.Substring(0, 9)).Select(c => c.AdvisorEmail).FirstOrDefaultAsync(cancellationToken)
        ?? CreateDossier.DefaultHandler;

    /// <summary>An employee of the contract's establishment; null when absent or of another one.</summary>
    private static async Task<Domain.Employee?> EmployeeAsync(DossierDbContext db, ProfessionalisationContract contract, Guid? employeeId,
        CancellationToken cancellationToken) =>
        employeeId is null ? null
            : await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId && e.Siret == contract.Siret, cancellationToken);

    private static async Task<Results<Ok<ContractView>, ProblemHttpResult>> SaveAsync(string siret, Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken, Func<ProfessionalisationContract, Task<FieldErrors>> save)
    {
        var contract = await ContractStore.LoadAsync(db, siret, id, cancellationToken);
        if (contract is null) return ContractStore.NotFound();
        if (!IfMatchVersion.Allows(http.Request, contract.Version)) return ContractStore.ChangedMeanwhile();
        var errors = await save(contract);
        if (!errors.IsEmpty) return ContractStore.Invalid(errors);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return ContractStore.ChangedMeanwhile();
        return TypedResults.Ok(await ContractView.BuildAsync(db, contract, ParisCalendar.Today(time), cancellationToken));
    }
}
