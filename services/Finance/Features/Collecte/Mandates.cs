using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Security;
using Opco.Authorization.Establishments;
using Opco.Finance.Data;
using Opco.Finance.Domain.Collecte;
using Opco.SharedKernel;
using Opco.SharedKernel.Documents;
using Opco.SharedKernel.Habilitations;

namespace Opco.Finance.Features.Collecte;

/// <summary>
/// « Mes mandats de prélèvement » (Gérer les mandats de prélèvement): the company's SEPA mandates, listed, created (RUM
/// issued by the OPCO), signed, printed as a PDF to sign, amended with a new IBAN (same RUM) and revoked. The IBAN is
/// never answered in clear: only its masked form. OPCO administrators activate a signed mandate after checking it.
/// </summary>
public static class Mandates
{
    public sealed record CreateRequest(string? Scheme, string? Iban, string? Bic, string? DebtorName, string? Signatory, DateOnly? SignedOn);

    public sealed record SignRequest(string? Signatory, DateOnly? SignedOn);

    public sealed record AmendRequest(string? Iban, string? Bic);

    public sealed record Summary(Guid Id, string Reference, string Scheme, string SchemeLabel, string MaskedIban, string Bic, string DebtorName,
        string Status, string StatusLabel, DateOnly? SignedOn, DateOnly? LapsesOn);

    public sealed record HistoryLine(DateTimeOffset At, string Status, string StatusLabel, string What, string MaskedIban);

    public sealed record Detail(Guid Id, string Reference, string Siren, string Siret, string Scheme, string SchemeLabel, string MaskedIban, string Bic,
        string DebtorName, string? Signatory, DateOnly? SignedOn, string Status, string StatusLabel, DateOnly? ActivatedOn, DateOnly? LastUsedOn,
        DateOnly? LapsesOn, DateTimeOffset CreatedAt, IReadOnlyList<HistoryLine> History);

    public sealed record AdminSummary(Guid Id, string Reference, string Siren, string Siret, string DebtorName, string MaskedIban, string Bic,
        string? Signatory, DateOnly? SignedOn, string Status, string StatusLabel);

    private const string Invalid = "Le mandat n'a pas été enregistré.";
    private const string Missing = "Mandat introuvable.";

    public static RouteGroupBuilder MapMandates(this RouteGroupBuilder establishment)
    {
        var mandates = establishment.MapGroup("/mandates").RequireFunctionality(Functionality.GererMandatsPrelevement);
        mandates.MapGet("/", ListAsync).WithName("ListMandates").WithSummary("The company's SEPA direct debit mandates (IBAN masked).");
        mandates.MapPost("/", CreateAsync).WithName("CreateMandate")
            .WithSummary("Creates a draft SEPA mandate of the company: the OPCO issues its RUM; the IBAN is stored encrypted.");
        mandates.MapGet("/{id:guid}", DetailAsync).WithName("MandateDetail").WithSummary("A mandate with its history (IBAN masked).");
        mandates.MapGet("/{id:guid}/pdf", PdfAsync).WithName("MandatePdf").WithSummary("The mandate to print and sign, as a PDF (IBAN masked).");
        mandates.MapPost("/{id:guid}/sign", SignAsync).WithName("SignMandate").WithSummary("Brouillon → Signé: who signed it and when.");
        mandates.MapPut("/{id:guid}/iban", AmendAsync).WithName("AmendMandateIban").WithSummary("Amends the mandate's IBAN and BIC (same RUM, history kept).");
        mandates.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokeMandate").WithSummary("Revokes the mandate: no debit may be collected on it any more.");
        return establishment;
    }

    public static RouteGroupBuilder MapMandateAdministration(this RouteGroupBuilder admin)
    {
        admin.MapGet("/mandates", AdminListAsync).WithName("AdminListMandates")
            .WithSummary("Mandates by status (default Signed: awaiting the OPCO's check), IBAN masked (OPCO administrators).");
        admin.MapPost("/mandates/{id:guid}/activate", ActivateAsync).WithName("ActivateMandate")
            .WithSummary("Signé → Actif once the signed mandate is checked (OPCO administrators).");
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<Summary>>> ListAsync(string siret, FinanceDbContext db, CancellationToken cancellationToken)
    {
        var siren = CollecteProblems.SirenOf(siret);
        var rows = await db.Mandates.AsNoTracking().Where(m => m.Siren == siren).OrderByDescending(m => m.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Summary>>([.. rows.Select(m => new Summary(m.Id, m.Reference, m.Scheme.ToString(), MandateLabels.Of(m.Scheme),
            m.MaskedIban, m.Bic, m.DebtorName, m.Status.ToString(), MandateLabels.Of(m.Status), m.SignedOn, m.LapsesOn))]);
    }

    public static async Task<Results<Created<Detail>, ProblemHttpResult>> CreateAsync(string siret, CreateRequest request, HttpContext http,
        FinanceDbContext db, IIbanProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var form = new MandateForm(request.Scheme, request.Iban, request.Bic, request.DebtorName, request.Signatory, request.SignedOn);
        // Checked before a RUM is drawn: a refused form spends no number (a drawn one is never given again all the same).
        var (checkedOnly, errors) = DirectDebitMandate.Create(SiretOf(siret), form, MandateReference.Of(0), protector, http.User.UserId()!.Value,
            ParisCalendar.Today(time), now);
        if (checkedOnly is null) return CollecteProblems.Of(errors, Invalid);
        var reference = MandateReference.Of(await CollecteProblems.NextAsync(db, CollecteSequences.MandateReferences, cancellationToken));
        var (mandate, _) = DirectDebitMandate.Create(SiretOf(siret), form, reference, protector, http.User.UserId()!.Value, ParisCalendar.Today(time), now);
        db.Mandates.Add(mandate!);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/finance/establishments/{siret}/mandates/{mandate!.Id}", View(mandate));
    }

    public static async Task<Results<Ok<Detail>, ProblemHttpResult>> DetailAsync(string siret, Guid id, FinanceDbContext db,
        CancellationToken cancellationToken) =>
        await LoadAsync(db, siret, id, cancellationToken) is { } mandate ? TypedResults.Ok(View(mandate)) : CollecteProblems.NotFound(Missing);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(string siret, Guid id, FinanceDbContext db,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, siret, id, cancellationToken) is not { } m) return CollecteProblems.NotFound(Missing);
        var pdf = new SimplePdf()
            .Title("Mandat de prélèvement SEPA")
            .Text($"{MandateLabels.Of(m.Scheme)} — Référence unique du mandat (RUM) : {m.Reference}", bold: true)
            .Text("Type de paiement : récurrent")
            .Heading("Créancier")
            .Text("OPCO — Mon compte OPCO, service collecte")
            .Heading("Débiteur")
            .Text($"Nom : {m.DebtorName}")
            .Text($"Entreprise : SIREN {m.Siren}, établissement SIRET {m.Siret}")
            .Text($"IBAN : {m.MaskedIban} (le numéro complet est celui communiqué lors de la saisie) — BIC : {m.Bic}")
            .Heading("Autorisation")
            .Text("En signant ce formulaire de mandat, vous autorisez l'OPCO à envoyer des instructions à votre banque pour débiter votre compte, "
                  + "et votre banque à débiter votre compte conformément aux instructions de l'OPCO.")
            .Text(m.Scheme == MandateScheme.B2B
                ? "Ce mandat est destiné aux comptes professionnels : vous n'avez pas droit au remboursement une fois le compte débité, mais vous pouvez "
                  + "demander à votre banque de ne pas le débiter jusqu'au jour de l'échéance. Remettez une copie de ce mandat à votre banque."
                : "Vous bénéficiez du droit d'être remboursé par votre banque selon les conditions de la convention passée avec elle, dans les 8 semaines "
                  + "suivant la date de débit de votre compte.")
            .Text($"Un mandat non utilisé pendant {DirectDebitMandate.LapseMonths} mois devient caduc.")
            .Space()
            .Text($"Signataire : {m.Signatory ?? "...................................................."}")
            .Text($"Date de signature : {(m.SignedOn is { } d ? FrenchFormat.Date(d) : "...... / ...... / ............")}")
            .Text("Signature :");
        return TypedResults.File(pdf.Build(), "application/pdf", $"mandat-{m.Reference}.pdf");
    }

    public static Task<Results<Ok<Detail>, ProblemHttpResult>> SignAsync(string siret, Guid id, SignRequest request, HttpContext http,
        FinanceDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(db, siret, id, m => m.Sign(request.Signatory, request.SignedOn, http.User.UserId()!.Value, ParisCalendar.Today(time), time.GetUtcNow()),
            "Le mandat n'a pas été signé.", cancellationToken);

    public static Task<Results<Ok<Detail>, ProblemHttpResult>> AmendAsync(string siret, Guid id, AmendRequest request, HttpContext http,
        FinanceDbContext db, IIbanProtector protector, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(db, siret, id, m => m.AmendIban(request.Iban, request.Bic, protector, http.User.UserId()!.Value, time.GetUtcNow()),
            "L'IBAN du mandat n'a pas été modifié.", cancellationToken);

    public static Task<Results<Ok<Detail>, ProblemHttpResult>> RevokeAsync(string siret, Guid id, HttpContext http, FinanceDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(db, siret, id, m =>
        {
            var errors = new FieldErrors();
            // Revoking a revoked mandate again changes nothing and is not an error; a void one cannot be revoked.
            if (m.Status != MandateStatus.Revoked && !m.Revoke(http.User.UserId()!.Value, time.GetUtcNow()))
                errors.Add("status", $"Le mandat est « {MandateLabels.Of(m.Status)} » : il ne peut plus être révoqué.");
            return errors;
        }, "Le mandat n'a pas été révoqué.", cancellationToken);

    public static async Task<Results<Ok<IReadOnlyList<AdminSummary>>, ProblemHttpResult>> AdminListAsync(FinanceDbContext db,
        CancellationToken cancellationToken, string? status = null)
    {
        var wanted = MandateStatus.Signed;
        if (!string.IsNullOrWhiteSpace(status) && !EnumCodes.TryParse(status, out wanted))
            return CollecteProblems.BadRequest("status", $"Le statut est l'un de : {string.Join(", ", Enum.GetNames<MandateStatus>())}.",
                "Le filtre demandé n'est pas valide.");
        var rows = await db.Mandates.AsNoTracking().Where(m => m.Status == wanted).OrderBy(m => m.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AdminSummary>>([.. rows.Select(m => new AdminSummary(m.Id, m.Reference, m.Siren, m.Siret, m.DebtorName,
            m.MaskedIban, m.Bic, m.Signatory, m.SignedOn, m.Status.ToString(), MandateLabels.Of(m.Status)))]);
    }

    public static async Task<Results<Ok<Detail>, ProblemHttpResult>> ActivateAsync(Guid id, HttpContext http, FinanceDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var mandate = await db.Mandates.Include(m => m.History).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mandate is null) return CollecteProblems.NotFound(Missing);
        if (mandate.Status == MandateStatus.Active) return TypedResults.Ok(View(mandate));
        if (!mandate.Activate(http.User.UserId()!.Value, ParisCalendar.Today(time), time.GetUtcNow()))
            return CollecteProblems.Of(new FieldErrors().Add("status", $"Le mandat est « {MandateLabels.Of(mandate.Status)} » : seul un mandat signé peut être activé."),
                "Le mandat n'a pas été activé.");
        return await SaveAsync(db, mandate, cancellationToken);
    }

    private static async Task<Results<Ok<Detail>, ProblemHttpResult>> ChangeAsync(FinanceDbContext db, string siret, Guid id,
        Func<DirectDebitMandate, FieldErrors> change, string title, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, siret, id, cancellationToken, tracked: true) is not { } mandate) return CollecteProblems.NotFound(Missing);
        var errors = change(mandate);
        if (!errors.IsEmpty) return CollecteProblems.Of(errors, title);
        return await SaveAsync(db, mandate, cancellationToken);
    }

    private static async Task<Results<Ok<Detail>, ProblemHttpResult>> SaveAsync(FinanceDbContext db, DirectDebitMandate mandate,
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
        return TypedResults.Ok(View(mandate));
    }

    /// <summary>A mandate of the establishment's company; another company's is not found.</summary>
    private static Task<DirectDebitMandate?> LoadAsync(FinanceDbContext db, string siret, Guid id, CancellationToken cancellationToken, bool tracked = false)
    {
        var siren = CollecteProblems.SirenOf(siret);
        var mandates = tracked ? db.Mandates : db.Mandates.AsNoTracking();
        return mandates.Include(m => m.History).FirstOrDefaultAsync(m => m.Id == id && m.Siren == siren, cancellationToken);
    }

    private static string SiretOf(string siret) => Authorization.HabilitationCopy.SiretKey.Of(siret);

    private static Detail View(DirectDebitMandate m) => new(m.Id, m.Reference, m.Siren, m.Siret, m.Scheme.ToString(), MandateLabels.Of(m.Scheme),
        m.MaskedIban, m.Bic, m.DebtorName, m.Signatory, m.SignedOn, m.Status.ToString(), MandateLabels.Of(m.Status), m.ActivatedOn, m.LastUsedOn, m.LapsesOn,
        m.CreatedAt, [.. m.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new HistoryLine(h.At, h.Status.ToString(), MandateLabels.Of(h.Status), h.What, h.MaskedIban))]);
}
