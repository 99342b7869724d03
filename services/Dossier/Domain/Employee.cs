using Opco.SharedKernel;
using Opco.SharedKernel.People;

namespace Opco.Dossier.Domain;

/// <summary>What "Ajouter un salarié", "Modifier" and each line of an import give; every field is checked by <see cref="Employee"/>.</summary>
public sealed record EmployeeForm(string? Civility, string? LastName, string? FirstName, DateOnly? BirthDate, string? Matricule,
    DateOnly? EntryDate, DateOnly? ExitDate, string? Contract, int? WorkingTimePercent, string? Category, string? JobTitle);

/// <summary>
/// "Salarié" of an establishment (domain.md): who may be a trainee of a dossier. No social security number (CNIL
/// minimisation). The hourly wage is kept apart (<see cref="Wages"/>): only holders of "Gérer le salaire horaire" see it.
/// </summary>
public sealed class Employee
{
    public const int NameMaxLength = 100;
    public const int MatriculeMaxLength = 30;
    /// <summary>The youngest an employee can be at entry (work from 14 during school holidays, Code du travail L4153-3).</summary>
    public const int MinimumAgeAtEntry = 14;
    public const int MaximumAge = 100;
    public const string WageDateTaken = "Un salaire horaire est déjà enregistré à compter de cette date.";

    public Guid Id { get; private set; }
    public string Siret { get; private set; } = "";
    public Civility Civility { get; private set; }
    public string LastName { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public DateOnly BirthDate { get; private set; }
    /// <summary>The company's own number for the employee; unique on the establishment when given.</summary>
    public string? Matricule { get; private set; }
    public DateOnly EntryDate { get; private set; }
    public DateOnly? ExitDate { get; private set; }
    public EmploymentContract Contract { get; private set; }
    /// <summary>100 for full time.</summary>
    public int WorkingTimePercent { get; private set; }
    public SocioProfessionalCategory Category { get; private set; }
    public string? JobTitle { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<HourlyWage> Wages { get; private set; } = [];

    private Employee() { }

    /// <summary>A new employee of the establishment, or every field's French message and nothing created.</summary>
    public static (Employee? Employee, FieldErrors Errors) Create(string siret, EmployeeForm form, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var fields = Check(form, today, errors);
        if (fields is null) return (null, errors);
        var employee = new Employee { Id = Guid.CreateVersion7(now), Siret = siret, CreatedAt = now };
        employee.Apply(fields, now);
        return (employee, errors);
    }

    /// <summary>"Modifier", including the exit date that ends the employment; nothing changes when a field is wrong.</summary>
    public FieldErrors Edit(EmployeeForm form, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var fields = Check(form, today, errors);
        if (fields is not null) Apply(fields, now);
        return errors;
    }

    /// <summary>Still employed on <paramref name="day"/>: no exit date, or one not yet past.</summary>
    public bool IsEmployedOn(DateOnly day) => ExitDate is null || ExitDate >= day;

    /// <summary>The hourly wage that applies on <paramref name="day"/>, if one was recorded from that day or before.</summary>
    public HourlyWage? WageOn(DateOnly day) =>
        Wages.Where(w => w.AppliesFrom <= day).MaxBy(w => w.AppliesFrom);

    /// <summary>
    /// "Gérer le salaire horaire": a gross hourly wage from a date; earlier ones stay as history. A second wage from the
    /// same date is refused rather than overwriting the first. Needs <see cref="Wages"/> loaded.
    /// </summary>
    public FieldErrors RecordWage(DateOnly? appliesFrom, decimal? hourlyGross, Guid by, DateTimeOffset now)
    {
        var errors = CheckWage(appliesFrom, hourlyGross);
        if (!errors.IsEmpty) return errors;
        Wages.Add(HourlyWage.Of(Id, appliesFrom!.Value, hourlyGross!.Value, by, now));
        UpdatedAt = now;
        return errors;
    }

    /// <summary>
    /// What <see cref="RecordWage"/> would refuse, without recording anything; against the entry date a pending edit
    /// would give (<paramref name="entryDate"/>) when there is one.
    /// </summary>
    public FieldErrors CheckWage(DateOnly? appliesFrom, decimal? hourlyGross, DateOnly? entryDate = null)
    {
        var errors = new FieldErrors();
        HourlyWage.Check(hourlyGross, errors);
        if (appliesFrom is null) errors.Add("appliesFrom", "La date d'effet du salaire est obligatoire.");
        else if (appliesFrom < (entryDate ?? EntryDate)) errors.Add("appliesFrom", "La date d'effet ne peut pas précéder la date d'entrée du salarié.");
        else if (Wages.Any(w => w.AppliesFrom == appliesFrom)) errors.Add("appliesFrom", WageDateTaken);
        return errors;
    }

    /// <summary>Whether this very wage is already recorded: importing the same file twice records nothing twice.</summary>
    public bool HasWage(DateOnly? appliesFrom, decimal? hourlyGross) =>
        Wages.Any(w => w.AppliesFrom == appliesFrom && w.HourlyGross == hourlyGross);

    /// <summary>What <see cref="Create"/> or <see cref="Edit"/> would refuse in the form, without changing anything.</summary>
    public static FieldErrors CheckForm(EmployeeForm form, DateOnly today)
    {
        var errors = new FieldErrors();
        Check(form, today, errors);
        return errors;
    }

    private void Apply(CheckedFields fields, DateTimeOffset now)
    {
        (Civility, LastName, FirstName, BirthDate, Matricule) = (fields.Civility, fields.LastName, fields.FirstName, fields.BirthDate, fields.Matricule);
        (EntryDate, ExitDate, Contract, WorkingTimePercent, Category, JobTitle) =
            (fields.EntryDate, fields.ExitDate, fields.Contract, fields.WorkingTimePercent, fields.Category, fields.JobTitle);
        UpdatedAt = now;
    }

    private sealed record CheckedFields(Civility Civility, string LastName, string FirstName, DateOnly BirthDate, string? Matricule,
        DateOnly EntryDate, DateOnly? ExitDate, EmploymentContract Contract, int WorkingTimePercent, SocioProfessionalCategory Category,
        string? JobTitle);

    private static CheckedFields? Check(EmployeeForm form, DateOnly today, FieldErrors errors)
    {
        if (!EnumCodes.TryParse<Civility>(form.Civility, out var civility))
            errors.Add("civility", "La civilité est obligatoire (Monsieur ou Madame).");
        var lastName = Text(form.LastName, "lastName", "Le nom", NameMaxLength, required: true, errors);
        var firstName = Text(form.FirstName, "firstName", "Le prénom", NameMaxLength, required: true, errors);
        var matricule = Text(form.Matricule, "matricule", "Le matricule", MatriculeMaxLength, required: false, errors);
        var jobTitle = Text(form.JobTitle, "jobTitle", "L'emploi", NameMaxLength, required: false, errors);

        if (form.EntryDate is null) errors.Add("entryDate", "La date d'entrée est obligatoire.");
        if (form.BirthDate is not { } birth) errors.Add("birthDate", "La date de naissance est obligatoire.");
        else if (birth >= today || birth < today.AddYears(-MaximumAge))
            errors.Add("birthDate", "La date de naissance n'est pas plausible : vérifiez sa saisie.");
        else if (form.EntryDate is { } entry && birth > entry.AddYears(-MinimumAgeAtEntry))
            errors.Add("birthDate", $"Le salarié doit avoir au moins {MinimumAgeAtEntry} ans à sa date d'entrée.");
        if (form.ExitDate is { } exit && form.EntryDate is { } start && exit < start)
            errors.Add("exitDate", "La date de sortie ne peut pas précéder la date d'entrée.");

        if (!EnumCodes.TryParse<EmploymentContract>(form.Contract, out var contract))
            errors.Add("contract", "Le contrat est obligatoire : CDI, CDD, apprentissage ou professionnalisation.");
        if (form.WorkingTimePercent is not (>= 1 and <= 100))
            errors.Add("workingTimePercent", "Le temps de travail doit être compris entre 1 et 100 % (100 pour un temps plein).");
        if (!EnumCodes.TryParse<SocioProfessionalCategory>(form.Category, out var category))
            errors.Add("category", "La catégorie socio-professionnelle est obligatoire : ouvrier, employé, technicien / agent de maîtrise ou cadre.");

        return errors.IsEmpty
            ? new CheckedFields(civility, lastName!, firstName!, form.BirthDate!.Value, matricule, form.EntryDate!.Value, form.ExitDate,
                contract, form.WorkingTimePercent!.Value, category, jobTitle)
            : null;
    }

    private static string? Text(string? value, string field, string label, int maxLength, bool required, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) errors.Add(field, $"{label} est obligatoire.");
            return null;
        }
        if (trimmed.Length > maxLength) errors.Add(field, $"{label} ne doit pas dépasser {maxLength} caractères.");
        else if (trimmed.Any(char.IsControl)) errors.Add(field, $"{label} contient des caractères non autorisés.");
        else return trimmed;
        return null;
    }
}
