using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel.Habilitations;

namespace Opco.Dossier.Features.Dossiers;

/// <summary>
/// A dossier as its page shows it: status, steps with what they miss, each step's data, costs, pieces, timeline and
/// comments. Wages, the salary cost and the fundable total (which could reveal a wage) are absent for a viewer without
/// "Données sensibles"; they see « frais de salaire calculés par l'OPCO » instead.
/// </summary>
public sealed record DossierView(
    Guid Id, long Number, string Siret, string Status, string StatusLabel, bool Editable, string? NotEditableReason, string HandlerName,
    string CreatedByName, DateTimeOffset CreatedAt, int CurrentStep, IReadOnlyList<StepState> Steps,
    string? SchemeCode, string? SchemeLabel, bool? DirectPayment,
    string? Title, string? Nature, string? NatureLabel, string? Modality, string? ModalityLabel, string? CertificationCode, DateOnly? StartDate,
    DateOnly? EndDate, decimal? Hours, string? Place,
    DossierView.ProviderPart? Provider, IReadOnlyList<DossierView.TraineePart> Trainees, DossierView.CostsPart Costs,
    IReadOnlyList<DossierView.DocumentPart> Documents, IReadOnlyList<DossierView.HistoryPart> History, IReadOnlyList<DossierView.CommentPart> Comments,
    decimal? GrantedAmount, string? RefusalReason, string? RequestedDocuments, DateOnly? DocumentsDueOn, string? CommitmentFailure,
    Guid? CatalogueOfferId, uint Version)
{
    public const string SalaryCostByOpco = "frais de salaire calculés par l'OPCO";

    public sealed record ProviderPart(Guid Id, string Siret, string Nda, string Name, string City, bool IsQualiopiCertified, string? MaskedIban);

    public sealed record TraineePart(Guid EmployeeId, string Name, decimal Hours, decimal HoursOutsideWorkingTime, decimal? HourlyWage,
        decimal? SalaryCost, bool WageMissing);

    public sealed record IncidentalPart(string Kind, string KindLabel, decimal Quantity, decimal UnitAmount);

    public sealed record CostsPart(decimal? TeachingCost, decimal TeachingFundable, decimal? SalaryCost, string? SalaryCostNote,
        IReadOnlyList<IncidentalPart> IncidentalCosts, decimal IncidentalCost, decimal IncidentalFundable, decimal? FundableTotal,
        decimal? RequestedAmount, IReadOnlyList<string> Warnings);

    public sealed record DocumentPart(Guid Id, string Kind, string KindLabel, string FileName, string ContentType, long Size,
        DateTimeOffset UploadedAt, string UploadedByName);

    public sealed record HistoryPart(DateTimeOffset At, string ByName, string? From, string? FromLabel, string To, string ToLabel, string? Reason);

    public sealed record CommentPart(DateTimeOffset At, string AuthorName, bool ByAdvisor, string Text);

    /// <param name="sensitive">Whether the viewer may see wages: "Données sensibles" on the establishment, or an OPCO advisor.</param>
    public static async Task<DossierView> BuildAsync(DossierDbContext db, FundingDossier d, bool sensitive, DateOnly today,
        CancellationToken cancellationToken)
    {
        var costs = await DossierStore.CostsAsync(db, d, today, cancellationToken);
        var schemeLabel = d.SchemeCode is null ? null
            : await db.Schemes.Where(s => s.Code == d.SchemeCode).Select(s => s.Label).FirstOrDefaultAsync(cancellationToken);
        var provider = d.TrainingProviderId is null ? null
            : await db.TrainingProviders.Where(p => p.Id == d.TrainingProviderId)
                .Select(p => new ProviderPart(p.Id, p.Siret, p.Nda, p.Name, p.City, p.IsQualiopiCertified, p.MaskedIban))
                .FirstOrDefaultAsync(cancellationToken);
        var ids = d.Trainees.Select(t => t.EmployeeId).ToList();
        var names = await db.Employees.Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => $"{e.LastName.ToUpperInvariant()} {e.FirstName}", cancellationToken);
        var trainees = costs.Trainees.Zip(d.Trainees, (cost, trainee) => new TraineePart(trainee.EmployeeId,
            names.GetValueOrDefault(trainee.EmployeeId, "Salarié"), trainee.Hours, trainee.HoursOutsideWorkingTime,
            sensitive ? cost.HourlyWage : null, sensitive ? cost.SalaryCost : null, cost.WageMissing)).ToList();

        return new DossierView(d.Id, d.Number, d.Siret, d.Status.ToString(), DossierStatuses.Label(d.Status), d.IsEditable,
            d.IsEditable ? null : d.NotEditableReason, d.HandlerName, d.CreatedByName, d.CreatedAt, d.CurrentStep, d.Steps(),
            d.SchemeCode, schemeLabel, d.DirectPayment,
            d.Title, d.Nature?.ToString(), d.Nature is { } n ? DossierLabels.Of(n) : null, d.Modality?.ToString(),
            d.Modality is { } m ? DossierLabels.Of(m) : null, d.CertificationCode, d.StartDate, d.EndDate, d.Hours, d.Place,
            provider, trainees,
            new CostsPart(costs.TeachingCost, costs.TeachingFundable, sensitive ? costs.SalaryCost : null, sensitive ? null : SalaryCostByOpco,
                [.. d.IncidentalCosts.Select(c => new IncidentalPart(c.Kind.ToString(), DossierLabels.Of(c.Kind), c.Quantity, c.UnitAmount))],
                costs.IncidentalCost, costs.IncidentalFundable, sensitive ? costs.FundableTotal : null, costs.RequestedAmount,
                sensitive && costs.ActionCapWarning is { } cap ? [.. costs.Warnings, cap] : costs.Warnings),
            [.. d.Documents.OrderBy(x => x.UploadedAt).Select(x => new DocumentPart(x.Id, x.Kind.ToString(), DossierLabels.Of(x.Kind), x.FileName,
                x.ContentType, x.Size, x.UploadedAt, x.UploadedByName))],
            [.. d.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new HistoryPart(h.At, h.ByName, h.From?.ToString(),
                h.From is { } from ? DossierStatuses.Label(from) : null, h.To.ToString(), DossierStatuses.Label(h.To), h.Reason))],
            [.. d.Comments.OrderBy(c => c.At).Select(c => new CommentPart(c.At, c.AuthorName, c.ByAdvisor, c.Text))],
            d.GrantedAmount, d.RefusalReason, d.RequestedDocuments, d.DocumentsDueOn, d.CommitmentFailure,
            d.CatalogueOfferId, d.Version);
    }

    /// <summary>Whether the establishment's caller may see wages here.</summary>
    public static bool IsSensitive(HttpContext http) =>
        HabilitationMatrix.Allows(http.Features.GetRequiredFeature<EstablishmentAccess>().Held, Functionality.GererSalaireHoraire);
}
