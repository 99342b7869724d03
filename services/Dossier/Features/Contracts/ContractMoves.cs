using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Features.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Contracts;

/// <summary>The company's moves: "Transmettre le contrat", "Déclarer une rupture", "Déclarer un avenant", deleting a draft.</summary>
public static class ContractMoves
{
    public sealed record TerminationRequest(DateOnly? Date, string? Reason);

    /// <summary>The contract after the move, and what the user should still know (late filing, branch checks).</summary>
    public sealed record MoveResult(ContractView Contract, IReadOnlyList<string> Warnings);

    public static RouteGroupBuilder MapContractMoves(this RouteGroupBuilder contracts)
    {
        contracts.MapPost("/{id:guid}/transmission", TransmitAsync).WithName("TransmitContract")
            .WithSummary("Transmettre le contrat: complete and lawful only; the OPCO then has 20 days to decide, silence meaning acceptance.");
        contracts.MapPost("/{id:guid}/termination", TerminateAsync).WithName("TerminateContract")
            .WithSummary("Déclarer une rupture: the date it takes effect and the reason (Pris en charge or En cours).");
        contracts.MapPost("/{id:guid}/amendment", AmendAsync).WithName("AmendContract")
            .WithSummary("Déclarer un avenant: a new draft version (type 5) linked to the contract, entered and transmitted like a contract.");
        contracts.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteContract").WithSummary("Deletes a contract still in Brouillon.");
        return contracts;
    }

    public static async Task<Results<Ok<MoveResult>, ProblemHttpResult>> TransmitAsync(string siret, Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var contract = await ContractStore.LoadAsync(db, siret, id, cancellationToken);
        if (contract is null) return ContractStore.NotFound();
        var context = await ContractStore.ContextAsync(db, contract, cancellationToken);
        var refusal = contract.Transmit(DossierStore.ActorOf(http.User), context, ParisCalendar.Today(time), time.GetUtcNow(), out var warnings);
        if (refusal is not null) return ContractStore.Refused(refusal);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return ContractStore.ChangedMeanwhile();
        return TypedResults.Ok(new MoveResult(await ContractView.BuildAsync(db, contract, ParisCalendar.Today(time), cancellationToken), warnings));
    }

    public static async Task<Results<Ok<MoveResult>, ProblemHttpResult>> TerminateAsync(string siret, Guid id, TerminationRequest request,
        HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var contract = await ContractStore.LoadAsync(db, siret, id, cancellationToken);
        if (contract is null) return ContractStore.NotFound();
        var errors = contract.Terminate(request.Date, request.Reason, DossierStore.ActorOf(http.User), time.GetUtcNow());
        if (!errors.IsEmpty) return ContractStore.Invalid(errors);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return ContractStore.ChangedMeanwhile();
        return TypedResults.Ok(new MoveResult(await ContractView.BuildAsync(db, contract, ParisCalendar.Today(time), cancellationToken), []));
    }

    public static async Task<Results<Created<ContractView>, ProblemHttpResult>> AmendAsync(string siret, Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var contract = await ContractStore.LoadAsync(db, siret, id, cancellationToken);
        if (contract is null) return ContractStore.NotFound();
        var existing = await db.Contracts.Where(a => a.AmendsId == contract.Id && a.Status != ContractStatus.Refused).OrderBy(a => a.Number)
            .Select(a => (long?)a.Number).FirstOrDefaultAsync(cancellationToken);
        var refusal = contract.Amend(DossierStore.ActorOf(http.User), await ContractEntry.HandlerAsync(db, contract.Siret, cancellationToken), existing,
            time.GetUtcNow(), out var amendment);
        if (refusal is not null) return ContractStore.Refused(refusal);
        db.Contracts.Add(amendment!);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/dossier/establishments/{amendment!.Siret}/contracts/{amendment.Id}",
            await ContractView.BuildAsync(db, amendment, ParisCalendar.Today(time), cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string siret, Guid id, DossierDbContext db, CancellationToken cancellationToken)
    {
        var contract = await ContractStore.LoadAsync(db, siret, id, cancellationToken);
        if (contract is null) return ContractStore.NotFound();
        if (!contract.IsEditable) return ContractStore.Refused(contract.NotEditableReason);
        db.Contracts.Remove(contract);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return ContractStore.ChangedMeanwhile();
        return TypedResults.NoContent();
    }
}
