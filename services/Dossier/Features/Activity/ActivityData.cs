using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Activity;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Domain.Dossiers;
using Opco.Dossier.Features.Contracts;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Activity;

/// <summary>
/// Reads the money of establishments' dossiers and contrats de pro for one year: a dossier commits its granted amount in
/// the (Paris) month it was accepted and releases, in the month it was cancelled or settled (« Soldé »), what was not paid
/// (cancelled) or what finance released (settled);
/// a contrat de pro commits its funding (scheme « Contrat de professionnalisation ») in the month it was taken in charge;
/// finance's payments count on the day paid.
/// </summary>
public static class ActivityData
{
    public const string ContractScheme = "Contrat de professionnalisation";

    private static readonly DossierStatus[] Committed = [DossierStatus.Accepted, DossierStatus.Completed, DossierStatus.Settled, DossierStatus.Cancelled];
    private static readonly ContractStatus[] ContractCommitted =
        [ContractStatus.Accepted, ContractStatus.InProgress, ContractStatus.Terminated, ContractStatus.Finished, ContractStatus.Superseded];

    public sealed record Movements(IReadOnlyList<ActivityFlow> Flows, IReadOnlyList<ActivityTrainee> Trainees)
    {
        public ActivityReport ReportOf(int year, string siret) => ActivityReport.Build(year, Flows.Where(f => f.Siret == siret), Trainees);

        public ActivityReport ReportOf(int year) => ActivityReport.Build(year, Flows, Trainees);
    }

    public static async Task<Movements> LoadAsync(DossierDbContext db, IReadOnlyCollection<string> sirets, int year, CancellationToken cancellationToken)
    {
        var (firstDay, nextFirstDay) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var (start, end) = (ParisCalendar.StartOf(firstDay), ParisCalendar.StartOf(nextFirstDay));
        var payments = await db.Payments.AsNoTracking()
            .Where(p => sirets.Contains(p.Siret) && p.PaidOn >= firstDay && p.PaidOn < nextFirstDay)
            .Select(p => new { p.DossierId, p.Siret, p.PaidOn, p.Amount }).ToListAsync(cancellationToken);
        var paid = payments.Select(p => p.DossierId).Distinct().ToList();

        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => sirets.Contains(d.Siret) && Committed.Contains(d.Status) && d.GrantedAmount != null && d.DecidedAt != null && d.DecidedAt < end
                        && (d.DecidedAt >= start || d.Status == DossierStatus.Cancelled || d.Status == DossierStatus.Settled || paid.Contains(d.Id)))
            .Select(d => new
            {
                d.Id, d.Siret, d.SchemeCode, Granted = d.GrantedAmount!.Value, DecidedAt = d.DecidedAt!.Value, d.SettlementRelease,
                EndedAt = d.History.Where(h => h.To == DossierStatus.Cancelled || h.To == DossierStatus.Settled).Select(h => (DateTimeOffset?)h.At)
                    .FirstOrDefault(),
                Trainees = d.Trainees.Select(t => new { t.EmployeeId, t.Hours }).ToList(),
            })
            .ToListAsync(cancellationToken);
        // A settled dossier releases what finance said it released (DossierSettled). A cancelled one releases its granted amount
        // less what it was paid: finance tells the dossier service no release on a cancellation, and refuses invoices on a
        // cancelled dossier, so what it was paid (nothing, payments coming only from invoices) is all this service needs. (A dossier
        // settled before finance's figure was kept here has none either: the same reckoning.)
        var ended = dossiers.Where(d => d.EndedAt is not null && d.SettlementRelease is null).Select(d => d.Id).ToList();
        var paidBefore = await db.Payments.AsNoTracking().Where(p => ended.Contains(p.DossierId)).GroupBy(p => p.DossierId)
            .Select(g => new { g.Key, Amount = g.Sum(p => p.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Amount, cancellationToken);

        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => sirets.Contains(c.Siret) && ContractCommitted.Contains(c.Status) && c.CommittedAmount != null && c.DecidedAt != null && c.DecidedAt < end
                        && (c.DecidedAt >= start || paid.Contains(c.Id)))
            .Select(c => new { c.Id, c.Siret, Committed = c.CommittedAmount!.Value, DecidedAt = c.DecidedAt!.Value, c.TraineeEmployeeId, c.TrainingHours })
            .ToListAsync(cancellationToken);

        var schemeCodes = dossiers.Select(d => d.SchemeCode).Distinct().ToList();
        var schemes = await db.Schemes.AsNoTracking().Where(s => schemeCodes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Label, cancellationToken);
        var schemeOf = dossiers.ToDictionary(d => d.Id, d => schemes.GetValueOrDefault(d.SchemeCode ?? "", d.SchemeCode ?? "—"));
        foreach (var contract in contracts) schemeOf[contract.Id] = ContractScheme;

        var flows = new List<ActivityFlow>();
        var trainees = new List<ActivityTrainee>();
        foreach (var dossier in dossiers)
        {
            flows.Add(new ActivityFlow(dossier.Id, dossier.Siret, schemeOf[dossier.Id], FlowKind.Committed, ActivityReport.DayOf(dossier.DecidedAt), dossier.Granted));
            if (dossier.EndedAt is { } at)
                flows.Add(new ActivityFlow(dossier.Id, dossier.Siret, schemeOf[dossier.Id], FlowKind.Released, ActivityReport.DayOf(at),
                    dossier.SettlementRelease ?? Math.Max(0m, dossier.Granted - paidBefore.GetValueOrDefault(dossier.Id))));
            trainees.AddRange(dossier.Trainees.Select(t => new ActivityTrainee(dossier.Id, t.EmployeeId, t.Hours)));
        }
        foreach (var contract in contracts)
        {
            flows.Add(new ActivityFlow(contract.Id, contract.Siret, ContractScheme, FlowKind.Committed, ActivityReport.DayOf(contract.DecidedAt), contract.Committed));
            if (contract.TraineeEmployeeId is { } employee) trainees.Add(new ActivityTrainee(contract.Id, employee, contract.TrainingHours ?? 1m));
        }
        // A payment of a dossier this service does not know (none expected) still counts, under its dossier's number.
        flows.AddRange(payments.Select(p => new ActivityFlow(p.DossierId, p.Siret, schemeOf.GetValueOrDefault(p.DossierId, "Dispositif non identifié"),
            FlowKind.Paid, p.PaidOn, p.Amount)));
        return new Movements(flows, trainees);
    }

    /// <summary>
    /// How employees are named in a report: « Prénom NOM (matricule) » for who may see the employees (« Gérer les salariés »),
    /// else « Salarié 1 », « Salarié 2 »… in the report's order, so no name reaches who may not see it.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> EmployeeLabelsAsync(DossierDbContext db, IEnumerable<Guid> ids, bool named,
        CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        if (!named) return list.Select((id, i) => (id, i)).ToDictionary(e => e.id, e => $"Salarié {e.i + 1}");
        return await db.Employees.AsNoTracking().Where(e => list.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => $"{e.FirstName} {e.LastName.ToUpperInvariant()}{(e.Matricule is { } m ? $" ({m})" : "")}", cancellationToken);
    }

    public const string Unassigned = "Sans stagiaire identifié";

    public static string MonthLabel(int month) =>
        CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetMonthName(month);
}
