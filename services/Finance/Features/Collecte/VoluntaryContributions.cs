using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Finance.Data;
using Opco.Finance.Domain;
using Opco.Finance.Domain.Collecte;
using Opco.Finance.Features.Ledger;
using Opco.Messaging;
using Opco.SharedKernel;
using Opco.SharedKernel.Documents;
using Opco.SharedKernel.Habilitations;

namespace Opco.Finance.Features.Collecte;

/// <summary>
/// « Mes versements volontaires » (Déclencher les versements volontaires): the company triggers a voluntary payment into
/// one of its accounts, at once or in monthly instalments, by SEPA debit (on its active mandate) or transfer, and gets a
/// call for funds (« appel de fonds ») with its reference and due dates. The account is credited only when OPCO
/// administrators record an instalment's money as received, once however often they do.
/// </summary>
public static class VoluntaryContributions
{
    public sealed record TriggerRequest(string? AccountCode, decimal? Amount, int? Instalments, string? Method, DateOnly? FirstDueOn);

    public sealed record CashRequest(DateOnly? CashedOn);

    public sealed record InstalmentView(Guid Id, int Rank, DateOnly DueOn, decimal Amount, string Status, string StatusLabel, DateOnly? CashedOn);

    public sealed record View(Guid Id, string Reference, string Siren, string Siret, string AccountCode, string AccountLabel, decimal Amount,
        string Method, string MethodLabel, string? MandateReference, string Status, string StatusLabel, DateTimeOffset CreatedAt,
        IReadOnlyList<InstalmentView> Instalments);

    public sealed record CashView(View Call, bool AlreadyRecorded, decimal AvailableForCommitment);

    private const string Missing = "Appel de fonds introuvable.";

    public static RouteGroupBuilder MapVoluntaryContributions(this RouteGroupBuilder establishment)
    {
        var calls = establishment.MapGroup("/voluntary-contributions").RequireFunctionality(Functionality.DeclencherVersementsVolontaires);
        calls.MapGet("/", ListAsync).WithName("ListVoluntaryContributions").WithSummary("The company's voluntary payments and their calls for funds.");
        calls.MapPost("/", TriggerAsync).WithName("TriggerVoluntaryContribution")
            .WithSummary("Triggers a voluntary payment (SEPA debit on an active mandate, or transfer): a call for funds with its due dates.");
        calls.MapGet("/{id:guid}", DetailAsync).WithName("VoluntaryContributionDetail").WithSummary("A call for funds with its instalments.");
        calls.MapGet("/{id:guid}/call-for-funds", PdfAsync).WithName("CallForFundsPdf").WithSummary("The call for funds as a PDF.");
        calls.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelVoluntaryContribution")
            .WithSummary("Cancels the instalments not yet received.");
        return establishment;
    }

    public static RouteGroupBuilder MapVoluntaryContributionAdministration(this RouteGroupBuilder admin)
    {
        admin.MapGet("/voluntary-contributions", AdminListAsync).WithName("AdminListVoluntaryContributions")
            .WithSummary("Calls for funds awaiting money, oldest first (OPCO administrators).");
        admin.MapPost("/voluntary-contributions/{id:guid}/instalments/{instalmentId:guid}/cash", RecordCashAsync).WithName("RecordInstalmentCash")
            .WithSummary("Records an instalment's money as received: the account is credited once (OPCO administrators).");
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<View>>> ListAsync(string siret, FinanceDbContext db, CancellationToken cancellationToken)
    {
        var siren = CollecteProblems.SirenOf(siret);
        var rows = await db.VoluntaryContributions.AsNoTracking().Include(c => c.Instalments).Where(c => c.Siren == siren)
            .OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<View>>([.. rows.Select(ViewOf)]);
    }

    public static async Task<Results<Created<View>, ProblemHttpResult>> TriggerAsync(string siret, TriggerRequest request, HttpContext http,
        FinanceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (today, now, by) = (ParisCalendar.Today(time), time.GetUtcNow(), http.User.UserId()!.Value);
        var key = Authorization.HabilitationCopy.SiretKey.Of(siret);
        var siren = key[..9];
        var mandate = await db.Mandates.AsNoTracking().Where(m => m.Siren == siren && m.Status == MandateStatus.Active)
            .OrderByDescending(m => m.ActivatedOn).Select(m => new ActiveMandate(m.Id, m.Reference)).FirstOrDefaultAsync(cancellationToken);
        var form = new VoluntaryContributionForm(request.AccountCode, request.Amount, request.Instalments, request.Method, request.FirstDueOn);
        var (checkedOnly, errors) = VoluntaryContribution.Trigger(key, form, mandate, 0, by, today, now);
        if (checkedOnly is null) return CollecteProblems.Of(errors, "Le versement volontaire n'a pas été enregistré.");
        var number = await CollecteProblems.NextAsync(db, CollecteSequences.CallForFundsNumbers, cancellationToken);
        var (call, _) = VoluntaryContribution.Trigger(key, form, mandate, number, by, today, now);
        db.VoluntaryContributions.Add(call!);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/finance/establishments/{siret}/voluntary-contributions/{call!.Id}", ViewOf(call));
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> DetailAsync(string siret, Guid id, FinanceDbContext db, CancellationToken cancellationToken) =>
        await LoadAsync(db, siret, id, cancellationToken) is { } call ? TypedResults.Ok(ViewOf(call)) : CollecteProblems.NotFound(Missing);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(string siret, Guid id, FinanceDbContext db,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, siret, id, cancellationToken) is not { } call) return CollecteProblems.NotFound(Missing);
        var pdf = new SimplePdf()
            .Title("Appel de fonds — versement volontaire")
            .Text($"Référence : {call.Reference}", bold: true)
            .Text($"Entreprise : SIREN {call.Siren}, établissement SIRET {call.Siret}")
            .Text($"Compte alimenté : {CompanyAccounts.ByCode(call.AccountCode)!.Source}")
            .Text($"Montant total : {FrenchFormat.Euros(call.Amount)} — {CallLabels.Of(call.Method)}")
            .Text(call.Method == VoluntaryPaymentMethod.DirectDebit
                ? $"Prélevé sur le mandat SEPA {call.MandateReference} à chaque échéance ci-dessous (ce document vaut pré-notification)."
                : $"À régler par virement à chaque échéance ci-dessous, en indiquant la référence {call.Reference} dans le libellé.")
            .Heading("Échéances");
        foreach (var instalment in call.Instalments.OrderBy(i => i.Rank))
            pdf.Text($"{instalment.Rank}/{call.Instalments.Count} — le {FrenchFormat.Date(instalment.DueOn)} : {FrenchFormat.Euros(instalment.Amount)} "
                     + $"({CallLabels.Of(instalment.Status)})");
        pdf.Space().Text("Le compte est crédité à réception des fonds par l'OPCO ; le montant apparaît alors dans « Mes comptes ».");
        return TypedResults.File(pdf.Build(), "application/pdf", $"appel-de-fonds-{call.Reference}.pdf");
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> CancelAsync(string siret, Guid id, FinanceDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, siret, id, cancellationToken, tracked: true) is not { } call) return CollecteProblems.NotFound(Missing);
        if (call.Status == CallStatus.Cancelled) return TypedResults.Ok(ViewOf(call));
        if (!call.Cancel(time.GetUtcNow()))
            return CollecteProblems.Of(new FieldErrors().Add("status", "Toutes les échéances sont encaissées : il n'y a plus rien à annuler."),
                "L'appel de fonds n'a pas été annulé.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CollecteProblems.ChangedMeanwhile();
        }
        return TypedResults.Ok(ViewOf(call));
    }

    public static async Task<Ok<IReadOnlyList<View>>> AdminListAsync(FinanceDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.VoluntaryContributions.AsNoTracking().Include(c => c.Instalments).Where(c => c.Status == CallStatus.Called)
            .OrderBy(c => c.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<View>>([.. rows.Select(ViewOf)]);
    }

    /// <summary>
    /// The instalment's money is received: in one transaction, with the call locked (two staff members at once are served
    /// one after the other), the instalment becomes « Encaissé », the account is credited (LedgerCause.CashReceipt, the
    /// instalment as its cause: a unique index stops a second credit), and a SEPA debit marks its mandate used — refused unless
    /// the mandate is still active.
    /// </summary>
    public static async Task<Results<Ok<CashView>, ProblemHttpResult>> RecordCashAsync(Guid id, Guid instalmentId, CashRequest request, HttpContext http,
        FinanceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var by = http.User.UserId()!.Value;
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync<Results<Ok<CashView>, ProblemHttpResult>>(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var (today, now) = (ParisCalendar.Today(time), time.GetUtcNow());
                // The lock first, then the call read whole in a statement of its own: it then sees what a recording that held the lock committed.
                var exists = await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM voluntary_contributions WHERE \"Id\" = {id} FOR UPDATE")
                    .ToListAsync(cancellationToken);
                if (exists.Count == 0) return CollecteProblems.NotFound(Missing);
                var locked = await db.VoluntaryContributions.Include(c => c.Instalments).SingleAsync(c => c.Id == id, cancellationToken);
                // The mandate locked too, then read: its status decides whether a debit may still be cashed, and a revocation waits for this recording.
                DirectDebitMandate? mandate = null;
                if (locked.MandateId is { } mandateId)
                {
                    await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM direct_debit_mandates WHERE \"Id\" = {mandateId} FOR UPDATE")
                        .ToListAsync(cancellationToken);
                    mandate = await db.Mandates.SingleAsync(m => m.Id == mandateId, cancellationToken);
                }
                var (instalment, already, errors) = locked.RecordCash(instalmentId, request.CashedOn, mandate, by, today, now);
                if (instalment is null) return CollecteProblems.Of(errors, "L'encaissement n'a pas été enregistré.");
                var source = CompanyAccounts.ByCode(locked.AccountCode)!.Source;
                var account = await LedgerStore.LockedAccountAsync(db, FundingKind.CompanyAccount, locked.Siren, source, null, now, cancellationToken);
                if (!already)
                {
                    var (entry, refused) = LedgerEntry.Credit(account, instalment.Amount, LedgerCause.CashReceipt, locked.LedgerReference(instalment), by, now,
                        instalment.Id);
                    if (entry is null) return CollecteProblems.Of(refused, "L'encaissement n'a pas été enregistré.");
                    db.LedgerEntries.Add(entry);
                    await db.SaveChangesAsync(cancellationToken);
                }
                var figures = await LedgerStore.FiguresAsync(db, account.Id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return TypedResults.Ok(new CashView(ViewOf(locked), already, figures.AvailableForCommitment));
            });
        }
        // Safety nets: a second credit of the instalment is refused by the database; its mandate changed meanwhile (revoked).
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || UniqueViolation.On(error, LedgerEntryConfiguration.OneCashReceiptPerCause))
        {
            return CollecteProblems.ChangedMeanwhile();
        }
    }

    private static Task<VoluntaryContribution?> LoadAsync(FinanceDbContext db, string siret, Guid id, CancellationToken cancellationToken, bool tracked = false)
    {
        var siren = CollecteProblems.SirenOf(siret);
        var calls = tracked ? db.VoluntaryContributions : db.VoluntaryContributions.AsNoTracking();
        return calls.Include(c => c.Instalments).FirstOrDefaultAsync(c => c.Id == id && c.Siren == siren, cancellationToken);
    }

    private static View ViewOf(VoluntaryContribution c) => new(c.Id, c.Reference, c.Siren, c.Siret, c.AccountCode,
        CompanyAccounts.ByCode(c.AccountCode)?.Source ?? c.AccountCode, c.Amount, c.Method.ToString(), CallLabels.Of(c.Method), c.MandateReference,
        c.Status.ToString(), CallLabels.Of(c.Status), c.CreatedAt,
        [.. c.Instalments.OrderBy(i => i.Rank).Select(i => new InstalmentView(i.Id, i.Rank, i.DueOn, i.Amount, i.Status.ToString(), CallLabels.Of(i.Status), i.CashedOn))]);
}
