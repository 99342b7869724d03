using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Dossier.Data;
using Opco.SharedKernel.Documents;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Dossiers;

/// <summary>
/// The « accord de prise en charge » of an accepted dossier, as a PDF: granted amount, scheme, action, provider,
/// trainees, dates and the conditions of payment. Built from the dossier on each download, never stored apart.
/// </summary>
public static class FundingAgreement
{
    public static RouteHandlerBuilder MapFundingAgreement(this RouteGroupBuilder readers) =>
        readers.MapGet("/{id:guid}/agreement", HandleAsync)
            .WithName("DownloadFundingAgreement")
            .WithSummary("The accord de prise en charge of an accepted dossier, as a PDF.");

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(string siret, Guid id, DossierDbContext db,
        CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        return await PdfAsync(db, dossier, cancellationToken);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(DossierDbContext db, FundingDossier dossier,
        CancellationToken cancellationToken)
    {
        if (dossier.Status is not (DossierStatus.Accepted or DossierStatus.Completed or DossierStatus.Settled))
            return DossierStore.Refused($"Le dossier est « {DossierStatuses.Label(dossier.Status)} » : l'accord de prise en charge n'existe qu'une fois le dossier accepté.");
        var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Code == dossier.SchemeCode, cancellationToken);
        var provider = await db.TrainingProviders.AsNoTracking().FirstAsync(p => p.Id == dossier.TrainingProviderId, cancellationToken);
        var company = await db.MemberCompanies.AsNoTracking().Where(c => c.Siren == dossier.Siret.Substring(0, 9)).Select(c => c.Name)
            .FirstOrDefaultAsync(cancellationToken);
        var ids = dossier.Trainees.Select(t => t.EmployeeId).ToList();
        var names = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => $"{e.FirstName} {e.LastName.ToUpperInvariant()}", cancellationToken);
        var decided = ParisCalendar.DateOf(dossier.DecidedAt ?? dossier.UpdatedAt);

        var pdf = new SimplePdf()
            .Title("Accord de prise en charge")
            .Text($"Dossier n° {dossier.Number} — décision du {FrenchFormat.Date(decided)}")
            .Text($"Entreprise : {company ?? "—"}, établissement SIRET {dossier.Siret}")
            .Heading("Prise en charge accordée")
            .Text($"Montant accordé : {FrenchFormat.Euros(dossier.GrantedAmount ?? 0m)} (montant demandé : {FrenchFormat.Euros(dossier.RequestedAmount ?? 0m)})", bold: true)
            .Text($"Dispositif : {scheme.Label} — financement : {scheme.FundingSource}")
            .Text(dossier.DirectPayment == true
                ? "Subrogation de paiement : l'OPCO règle directement l'organisme de formation."
                : "Remboursement : l'OPCO rembourse l'entreprise sur présentation de ses factures acquittées.")
            .Heading("Action de formation")
            .Text($"{dossier.Title} ({(dossier.Nature is { } n ? DossierLabels.Of(n) : "—")}, {(dossier.Modality is { } m ? DossierLabels.Of(m).ToLowerInvariant() : "—")})")
            .Text($"Du {FrenchFormat.Date(dossier.StartDate!.Value)} au {FrenchFormat.Date(dossier.EndDate!.Value)}, {dossier.Hours:0.##} heures, à {dossier.Place}")
            .Text($"Organisme de formation : {provider.Name}, SIRET {provider.Siret}, NDA {provider.Nda}")
            .Heading("Stagiaires");
        foreach (var trainee in dossier.Trainees)
            pdf.Text($"{names.GetValueOrDefault(trainee.EmployeeId, "Salarié")} : {trainee.Hours:0.##} heures");
        pdf.Heading("Conditions")
            .Text("La prise en charge est due dans la limite du montant accordé et des heures réellement suivies. Elle est réglée sur présentation "
                  + "de la facture et du certificat de réalisation de la formation, à déposer sur le portail après la fin de l'action.")
            .Text("Toute modification ou annulation de l'action doit être signalée à l'OPCO avant son début ; une action annulée ne donne lieu à aucun paiement.")
            .Space()
            .Text($"Votre conseiller à l'OPCO : {dossier.HandlerName}");
        return TypedResults.File(pdf.Build(), "application/pdf", $"accord-prise-en-charge-{dossier.Number}.pdf");
    }
}
