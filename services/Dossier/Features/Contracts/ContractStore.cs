using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Contracts.Finance;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Contracts;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Contracts;

/// <summary>Loading a contract whole, what its legal checks read, asking finance for its commitment, and the answers every contract endpoint shares.</summary>
public static class ContractStore
{
    /// <summary>Contrats de professionnalisation are funded from this pooled source (domain.md).</summary>
    public const string FundingSource = "Professionnalisation";
    public const string InvalidEntry = "Le contrat n'a pas été enregistré : vérifiez les champs signalés.";

    public static Task<ProfessionalisationContract?> LoadAsync(DossierDbContext db, string siret, Guid id, CancellationToken cancellationToken) =>
        Whole(db).FirstOrDefaultAsync(c => c.Id == id && c.Siret == SiretKey.Of(siret), cancellationToken);

    public static IQueryable<ProfessionalisationContract> Whole(DossierDbContext db) =>
        db.Contracts.Include(c => c.Documents).Include(c => c.History).AsSplitQuery();

    public static Task<ContractFundingRules> RulesAsync(DossierDbContext db, CancellationToken cancellationToken) =>
        db.ContractFundingRules.AsNoTracking().SingleAsync(cancellationToken);

    /// <summary>
    /// What the checks read for this contract, with <paramref name="providerId"/> and <paramref name="tutorId"/> when a
    /// step is choosing them: the organisme's certification today, and the other trainees the tutor follows (the contract
    /// an avenant amends does not count: the avenant replaces it).
    /// </summary>
    public static async Task<ContractContext> ContextAsync(DossierDbContext db, ProfessionalisationContract contract, Guid? providerId, Guid? tutorId,
        CancellationToken cancellationToken)
    {
        var rules = await RulesAsync(db, cancellationToken);
        bool? certified = providerId is null ? null
            : await db.TrainingProviders.Where(p => p.Id == providerId).Select(p => (bool?)p.IsQualiopiCertified).FirstOrDefaultAsync(cancellationToken);
        var occupying = ContractStatuses.OccupyingTutor;
        var load = tutorId is null ? 0
            : await db.Contracts.Where(c => c.TutorEmployeeId == tutorId && c.Id != contract.Id && c.Id != contract.AmendsId
                                            && c.AmendsId != contract.Id && occupying.Contains(c.Status))
                .Select(c => c.AmendsId ?? c.Id).Distinct().CountAsync(cancellationToken);
        return new ContractContext(rules, certified, load);
    }

    public static Task<ContractContext> ContextAsync(DossierDbContext db, ProfessionalisationContract contract, CancellationToken cancellationToken) =>
        ContextAsync(db, contract, contract.TrainingProviderId, contract.TutorEmployeeId, cancellationToken);

    /// <summary>
    /// In the transaction of the acceptance, finance is asked exactly once for the commitment on the pooled source of the
    /// contract's start year; binding when silence accepted it.
    /// </summary>
    public static void RequestCommitment(DossierDbContext db, ProfessionalisationContract contract, DateTimeOffset now)
    {
        if (contract.Status != ContractStatus.AcceptancePending) return;
        db.PublishOnCommit(new CommitmentRequested(contract.Id, contract.Number, CommitmentCauses.Contract, contract.Siret[..9], "PooledSource",
            FundingSource, contract.StartDate!.Value.Year, contract.CommittedAmount!.Value, contract.SilentAcceptance, now), contract.Id.ToString());
    }

    /// <summary>
    /// Once an avenant is taken in charge (whoever or whatever took it), the version it amends is replaced, in the same
    /// transaction: one version of a contract runs at a time.
    /// </summary>
    public static async Task SupersedeAmendedAsync(DossierDbContext db, ProfessionalisationContract contract, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (contract.Status != ContractStatus.Accepted || contract.AmendsId is not { } amendedId) return;
        var amended = await Whole(db).FirstOrDefaultAsync(c => c.Id == amendedId, cancellationToken);
        amended?.Supersede(contract.Number, now);
    }

    public static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Contrat introuvable.");

    public static ProblemHttpResult Refused(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Action impossible sur ce contrat.", detail: reason);

    public static ProblemHttpResult ChangedMeanwhile() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Ce contrat vient d'être modifié par quelqu'un d'autre : rechargez-le, puis refaites votre modification.");

    /// <summary>Field errors (400), or, when the contract may not change at all, the 409 that says why.</summary>
    public static ProblemHttpResult Invalid(FieldErrors errors)
    {
        var fields = errors.ToDictionary();
        return fields.TryGetValue("status", out var status)
            ? Refused(status[0])
            : TypedResults.Problem(new HttpValidationProblemDetails(fields) { Status = StatusCodes.Status400BadRequest, Title = InvalidEntry });
    }
}
