using System.Globalization;

namespace Opco.Dossier.Domain;

/// <summary>
/// The lines of one file applied to an establishment's employees, in memory: each line creates an employee or updates the
/// one it designates (by matricule, else by name and birth date), with its wage if it has one. A faulty line changes
/// nothing and gets its messages; the same employee twice in a file, or a matricule given to someone born another day, is a fault.
/// </summary>
public sealed class EmployeeImport(IReadOnlyCollection<Employee> existing, DateOnly today, DateTimeOffset now, Guid by)
{
    private readonly Dictionary<string, Employee> _byMatricule =
        existing.Where(e => e.Matricule is not null).ToDictionary(e => e.Matricule!, StringComparer.Ordinal);
    private readonly Dictionary<(string, string, DateOnly), Employee> _byIdentity = existing
        .GroupBy(IdentityOf).ToDictionary(g => g.Key, g => g.First());
    private readonly Dictionary<Employee, int> _lineOf = [];
    private readonly HashSet<Guid> _wageChanges = [];

    public Guid By => by;
    public List<Employee> Created { get; } = [];
    public int Updated { get; private set; }
    public int Valid { get; private set; }
    /// <summary>The employees whose wages the file changed (one audit entry each).</summary>
    public IReadOnlyCollection<Guid> WageChanges => _wageChanges;

    public IReadOnlyList<LineError> Apply(string siret, EmployeeLine line)
    {
        var form = line.Form;
        var errors = Employee.CheckForm(form, today);
        if (!errors.IsEmpty) return Errors(line.Number, errors);

        var matricule = form.Matricule?.Trim();
        var identity = (Fold(form.LastName!), Fold(form.FirstName!), form.BirthDate!.Value);
        var target = matricule is not null && _byMatricule.TryGetValue(matricule, out var byMatricule) ? byMatricule
            : _byIdentity.GetValueOrDefault(identity) is { } byIdentity && (matricule is null || byIdentity.Matricule is null) ? byIdentity
            : null;
        if (target is not null && _lineOf.TryGetValue(target, out var earlier))
            return [new LineError(line.Number, null, $"Ce salarié figure déjà à la ligne {earlier} du fichier.")];
        // A matricule designates its employee, whose name may have changed since, but never whose birth date: a typo in
        // the matricule must not overwrite someone else.
        if (target is not null && matricule is not null && target.Matricule == matricule && target.BirthDate != form.BirthDate)
            return [new LineError(line.Number, "matricule",
                $"Ce matricule est celui de {target.FirstName} {target.LastName}, né(e) le {target.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} : vérifiez le matricule ou la date de naissance.")];

        var recordWage = line.HasWage && !(target?.HasWage(line.WageFrom, line.HourlyGross) ?? false);
        if (target is null)
        {
            var (created, _) = Employee.Create(siret, form, today, now);
            target = created!;
            if (recordWage && Wage(line, target, null) is { Count: > 0 } wageErrors) return wageErrors;
            Created.Add(target);
        }
        else
        {
            if (recordWage && Wage(line, target, form.EntryDate) is { Count: > 0 } wageErrors) return wageErrors;
            if (target.Matricule is { } previous) _byMatricule.Remove(previous);
            target.Edit(form, today, now);
            Updated++;
        }
        if (recordWage) target.RecordWage(line.WageFrom, line.HourlyGross, by, now);
        if (recordWage) _wageChanges.Add(target.Id);
        if (target.Matricule is not null) _byMatricule[target.Matricule] = target;
        _byIdentity[IdentityOf(target)] = target;
        _lineOf[target] = line.Number;
        Valid++;
        return [];
    }

    private static IReadOnlyList<LineError> Wage(EmployeeLine line, Employee target, DateOnly? entryDate) =>
        Errors(line.Number, target.CheckWage(line.WageFrom, line.HourlyGross, entryDate));

    private static IReadOnlyList<LineError> Errors(int line, SharedKernel.FieldErrors errors) =>
        [.. errors.ToDictionary().SelectMany(e => e.Value.Select(m => new LineError(line, EmployeeFile.ColumnOf(e.Key), m)))];

    private static (string, string, DateOnly) IdentityOf(Employee e) => (Fold(e.LastName), Fold(e.FirstName), e.BirthDate);

    private static string Fold(string name) => name.Trim().ToUpperInvariant();
}
