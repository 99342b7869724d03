using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Contracts;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Dossier.Features.Contracts;

/// <summary>
/// "Mes contrats de pro": the contracts of every establishment where the caller holds "Suivre les contrats de pro", with
/// status, trainee, tutor, dates, the decision's deadline and the funding; filters, sort, paging; the same rows as CSV.
/// No pay in a list or an export.
/// </summary>
public static class ListContracts
{
    public const int MaxExportRows = 10_000;

    public sealed record Row(Guid Id, long Number, string Siret, string Status, string StatusLabel, int ContractType, string ContractTypeLabel,
        string? TraineeName, string? TutorName, string? Job, DateOnly? StartDate, DateOnly? EndDate, DateOnly? DecisionDueOn, decimal? Funding,
        long? AmendsNumber, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record Filter(string? Search, ContractStatus? Status, string? Siret);

    private static readonly ListSorts<ProfessionalisationContract> Sorts =
        new ListSorts<ProfessionalisationContract>("createdAt", ListSorts<ProfessionalisationContract>.Descending,
                (rows, descending) => descending ? rows.ThenByDescending(c => c.Number) : rows.ThenBy(c => c.Number))
            .Column("number", c => c.Number)
            .Column("createdAt", c => c.CreatedAt)
            .Column("updatedAt", c => c.UpdatedAt)
            .Column("status", c => c.Status)
            .Column("siret", c => c.Siret)
            .Column("traineeName", c => c.TraineeName)
            .Column("startDate", c => c.StartDate)
            .Column("endDate", c => c.EndDate)
            .Column("decisionDueOn", c => c.DecisionDueOn);

    public static RouteGroupBuilder MapListContracts(this RouteGroupBuilder api)
    {
        api.MapGet("/contracts", ListAsync).WithName("ListContracts")
            .WithSummary("Mes contrats de pro: the contracts of the establishments where the caller may follow them; filters, sort, paging.");
        api.MapGet("/contracts/export", ExportAsync).WithName("ExportContracts")
            .WithSummary("Mes contrats de pro as CSV (UTF-8 with BOM, ';', decimal comma), with the list's filters and sort.");
        return api;
    }

    public static async Task<Results<Ok<ListPage<Row>>, ValidationProblem>> ListAsync([AsParameters] ListQuery list, HttpContext http,
        DossierDbContext db, IEstablishmentRights rights, CancellationToken cancellationToken, string? search = null, string? status = null,
        string? siret = null)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        if (!TryFilter(search, status, siret, out var filter, out var invalid)) return invalid;
        var rules = await ContractStore.RulesAsync(db, cancellationToken);
        var page = await request.ToPageAsync(await VisibleAsync(db, rights, http, filter, cancellationToken), Projection, null, cancellationToken);
        return TypedResults.Ok(page.Map(line => line.ToRow(rules)));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync([AsParameters] ListQuery list, HttpContext http,
        DossierDbContext db, IEstablishmentRights rights, CancellationToken cancellationToken, string? search = null, string? status = null,
        string? siret = null)
    {
        if (!Sorts.TryRead(list with { Page = 1, PageSize = 1 }, out var request, out var problem)) return problem;
        if (!TryFilter(search, status, siret, out var filter, out var invalid)) return invalid;
        var rules = await ContractStore.RulesAsync(db, cancellationToken);
        var rows = (await request.Order(await VisibleAsync(db, rights, http, filter, cancellationToken)).Take(MaxExportRows)
            .Select(Projection).ToListAsync(cancellationToken)).Select(line => line.ToRow(rules));
        var csv = CsvExport.Build(
            ["N° de contrat", "Statut", "Type", "Avenant au contrat n°", "SIRET de l'établissement", "Salarié", "Tuteur", "Emploi", "Date de début",
                "Date de fin", "Décision attendue avant le", "Financement", "Créé le", "Modifié le"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Number, r.StatusLabel, r.ContractTypeLabel, r.AmendsNumber, r.Siret, r.TraineeName, r.TutorName,
                r.Job, r.StartDate, r.EndDate, r.DecisionDueOn, r.Funding, ParisCalendar.DateOf(r.CreatedAt), ParisCalendar.DateOf(r.UpdatedAt)]));
        return TypedResults.File(csv, "text/csv; charset=utf-8", "contrats-de-pro.csv");
    }

    /// <summary>A row as read; its labels, its deadline (only while the decision is awaited) and its funding are added by <see cref="ToRow"/>.</summary>
    public sealed record Line(Guid Id, long Number, string Siret, ContractStatus Status, int ContractType, string? TraineeName, string? TutorName,
        string? Job, DateOnly? StartDate, DateOnly? EndDate, DateOnly? DecisionDueOn, decimal? TrainingHours, bool? TutorAidRequested,
        decimal? CommittedAmount, decimal? PreviousCommitment, long? AmendsNumber, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    {
        /// <summary>
        /// The funding is what the contract's versions committed up to this one, or until then what the branch's figures give.
        /// </summary>
        public Row ToRow(ContractFundingRules rules) => new(Id, Number, Siret, Status.ToString(), ContractStatuses.Label(Status), ContractType,
            ContractLabels.OfType(ContractType), TraineeName, TutorName, Job, StartDate, EndDate,
            ContractStatuses.AwaitsDecision(Status) ? DecisionDueOn : null,
            CommittedAmount + (PreviousCommitment ?? 0m) ?? (TrainingHours is { } hours ? rules.TrainingFunding(hours) + (TutorAidRequested == true ? rules.TutorAid : 0m) : null),
            AmendsNumber, CreatedAt, UpdatedAt);
    }

    public static readonly Expression<Func<ProfessionalisationContract, Line>> Projection = c => new Line(c.Id, c.Number, c.Siret, c.Status,
        c.ContractType, c.TraineeName, c.TutorName, c.Job, c.StartDate, c.EndDate, c.DecisionDueOn, c.TrainingHours, c.TutorAidRequested,
        c.CommittedAmount, c.PreviousCommitment, c.AmendsNumber, c.CreatedAt, c.UpdatedAt);

    private static async Task<IQueryable<ProfessionalisationContract>> VisibleAsync(DossierDbContext db, IEstablishmentRights rights, HttpContext http,
        Filter filter, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> followed = http.User.UserId() is { } userId
            ? await rights.EstablishmentsAllowingAsync(userId, Functionality.SuivreContratsPro, cancellationToken)
            : [];
        var sirets = filter.Siret is { } asked ? [.. followed.Where(s => s == asked)] : followed.ToList();
        return Filtered(db.Contracts.AsNoTracking().Where(c => sirets.Contains(c.Siret)), filter);
    }

    /// <summary>The filter on any contracts: status, and a number or words of the trainee's name.</summary>
    public static IQueryable<ProfessionalisationContract> Filtered(IQueryable<ProfessionalisationContract> rows, Filter filter)
    {
        if (filter.Status is { } s) rows = rows.Where(c => c.Status == s);
        if (filter.Search is { } text)
        {
            long? number = long.TryParse(text, out var parsed) ? parsed : null;
            var pattern = LikePattern.Containing(text);
            rows = rows.Where(c => c.Number == number || (c.TraineeName != null && EF.Functions.ILike(c.TraineeName, pattern)));
        }
        return rows;
    }

    public static bool TryFilter(string? search, string? status, string? siret, out Filter filter, out ValidationProblem problem)
    {
        var errors = new FieldErrors();
        ContractStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (EnumCodes.TryParse<ContractStatus>(status, out var parsed)) statusFilter = parsed;
            else errors.Add("status", $"Le statut doit être l'un de : {string.Join(", ", Enum.GetNames<ContractStatus>())}.");
        }
        string? siretFilter = null;
        if (!string.IsNullOrWhiteSpace(siret))
        {
            if (Siret.TryParse(siret, out var parsed)) siretFilter = parsed!.Value;
            else errors.Add("siret", "Le SIRET doit comporter 14 chiffres valides.");
        }
        var text = search?.Trim();
        if (text?.Length > 100) errors.Add("search", "La recherche ne doit pas dépasser 100 caractères.");
        filter = new Filter(string.IsNullOrEmpty(text) ? null : text, statusFilter, siretFilter);
        problem = TypedResults.ValidationProblem(errors.ToDictionary(), title: "Le filtre demandé n'est pas valide.");
        return errors.IsEmpty;
    }
}
