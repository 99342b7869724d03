using Microsoft.EntityFrameworkCore;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Contracts;

/// <summary>
/// A contract as its page and its entry show it: status and deadline, steps with what they miss, each step's data, the
/// minimum pay for the trainee's age, the funding, the legal checks still failing and the branch's warnings, pieces,
/// avenants and timeline. The pay is part of the contract its followers sign; it never leaves in a list, an export or an event.
/// </summary>
public sealed record ContractView(
    Guid Id, long Number, string Siret, string Status, string StatusLabel, bool Editable, string? NotEditableReason, string HandlerName,
    string CreatedByName, DateTimeOffset CreatedAt, int CurrentStep, IReadOnlyList<StepState> Steps,
    ContractView.PersonPart? Trainee, string? Public, string? PublicLabel,
    ContractView.PersonPart? Tutor, int? TutorExperienceYears, bool? TutorAidRequested,
    string? Kind, string? KindLabel, int ContractType, string ContractTypeLabel, DateOnly? SignedOn, DateOnly? StartDate, DateOnly? EndDate,
    decimal? WeeklyHours, string? Job, string? QualificationKind, string? QualificationCode,
    ContractView.ProviderPart? Provider, DateOnly? TrainingStartDate, DateOnly? TrainingEndDate, decimal? TrainingHours,
    decimal? MonthlyGrossPay, ContractView.PayPart? Pay,
    IReadOnlyList<ContractView.DocumentPart> Documents,
    ContractFunding Funding, IReadOnlyList<ContractCheck> Checks, IReadOnlyList<string> Warnings,
    DateOnly? TransmittedOn, DateOnly? DecisionDueOn, string? DecisionDueText, bool SilentAcceptance,
    decimal? CommittedAmount, string? RefusalReason, DateOnly? TerminatedOn, string? TerminationReason, string? CommitmentFailure,
    Guid? AmendsId, long? AmendsNumber, IReadOnlyList<ContractView.AmendmentPart> Amendments,
    IReadOnlyList<ContractView.HistoryPart> History,
    IReadOnlyList<ContractView.OptionPart> Publics, uint Version)
{
    public sealed record PersonPart(Guid EmployeeId, string Name, DateOnly? BirthDate);

    public sealed record ProviderPart(Guid Id, string Siret, string Nda, string Name, string City, bool IsQualiopiCertified);

    public sealed record PayPart(int AgeAtStart, decimal MinimumRate, decimal MinimumMonthly);

    public sealed record DocumentPart(Guid Id, string Kind, string KindLabel, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt,
        string UploadedByName);

    public sealed record AmendmentPart(Guid Id, long Number, string Status, string StatusLabel);

    public sealed record HistoryPart(DateTimeOffset At, string By, string? From, string? FromLabel, string To, string ToLabel, string? Reason);

    public sealed record OptionPart(string Code, string Label);

    private static readonly IReadOnlyList<OptionPart> PublicOptions =
        [.. Enum.GetValues<ContractPublic>().Select(p => new OptionPart(p.ToString(), ContractLabels.Of(p)))];

    public static async Task<ContractView> BuildAsync(DossierDbContext db, ProfessionalisationContract c, DateOnly today,
        CancellationToken cancellationToken)
    {
        var context = await ContractStore.ContextAsync(db, c, cancellationToken);
        var provider = c.TrainingProviderId is null ? null
            : await db.TrainingProviders.Where(p => p.Id == c.TrainingProviderId)
                .Select(p => new ProviderPart(p.Id, p.Siret, p.Nda, p.Name, p.City, p.IsQualiopiCertified)).FirstOrDefaultAsync(cancellationToken);
        var amendments = await db.Contracts.Where(a => a.AmendsId == c.Id).OrderBy(a => a.Number)
            .Select(a => new { a.Id, a.Number, a.Status }).ToListAsync(cancellationToken);
        int? age = c.TraineeBirthDate is { } born && c.StartDate is { } start ? ContractLaw.AgeOn(born, start) : null;
        var pay = age is { } years && c.WeeklyHours is { } weekly
            ? new PayPart(years, ContractLaw.MinimumRate(years), ContractLaw.MinimumMonthlyPay(years, weekly, context.Rules.SmicHourly))
            : null;
        var dueText = c.DecisionDueOn is { } due && ContractStatuses.AwaitsDecision(c.Status) ? ContractLaw.DecisionDueText(due) : null;
        return new ContractView(c.Id, c.Number, c.Siret, c.Status.ToString(), ContractStatuses.Label(c.Status), c.IsEditable,
            c.IsEditable ? null : c.NotEditableReason, c.HandlerName, c.CreatedByName, c.CreatedAt, c.CurrentStep, c.Steps(),
            c.TraineeEmployeeId is { } trainee ? new PersonPart(trainee, c.TraineeName!, c.TraineeBirthDate) : null,
            c.Public?.ToString(), c.Public is { } audience ? ContractLabels.Of(audience) : null,
            c.TutorEmployeeId is { } tutor ? new PersonPart(tutor, c.TutorName!, null) : null, c.TutorExperienceYears, c.TutorAidRequested,
            c.Kind?.ToString(), c.Kind is { } kind ? ContractLabels.Of(kind) : null, c.ContractType, ContractLabels.OfType(c.ContractType), c.SignedOn,
            c.StartDate, c.EndDate, c.WeeklyHours, c.Job, c.QualificationKind?.ToString(), c.QualificationCode,
            provider, c.TrainingStartDate, c.TrainingEndDate, c.TrainingHours,
            c.MonthlyGrossPay, pay,
            [.. c.Documents.OrderBy(d => d.UploadedAt).Select(d => new DocumentPart(d.Id, d.Kind.ToString(), ContractLabels.Of(d.Kind), d.FileName,
                d.ContentType, d.Size, d.UploadedAt, d.UploadedByName))],
            c.Funding(context.Rules), c.IsEditable ? c.LegalChecks(context) : [], c.Warnings(context.Rules, today),
            c.TransmittedOn, c.DecisionDueOn, dueText, c.SilentAcceptance,
            c.CommittedAmount, c.RefusalReason, c.TerminatedOn, c.TerminationReason, c.CommitmentFailure,
            c.AmendsId, c.AmendsNumber,
            [.. amendments.Select(a => new AmendmentPart(a.Id, a.Number, a.Status.ToString(), ContractStatuses.Label(a.Status)))],
            [.. c.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new HistoryPart(h.At, h.ByName, h.From?.ToString(),
                h.From is { } from ? ContractStatuses.Label(from) : null, h.To.ToString(), ContractStatuses.Label(h.To), h.Reason))],
            PublicOptions, c.Version);
    }
}
