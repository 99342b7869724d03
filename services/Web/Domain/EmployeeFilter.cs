using System.Text;
using Opco.SharedKernel.People;

namespace Opco.Web.Domain;

/// <summary>"Mes salariés": the search, the filters and the sort of the list, as the dossier service's query string.</summary>
public sealed class EmployeeFilter
{
    public static readonly IReadOnlyList<(string Code, string Label)> Contracts =
        [.. Enum.GetValues<EmploymentContract>().Select(c => (c.ToString(), EmployeeLabels.Of(c)))];

    public static readonly IReadOnlyList<(string Code, string Label)> Categories =
        [.. Enum.GetValues<SocioProfessionalCategory>().Select(c => (c.ToString(), EmployeeLabels.Of(c)))];

    public string? Search { get; set; }
    /// <summary>"true" (still employed), "false" (left) or null (all).</summary>
    public string? Active { get; set; } = "true";
    public string? Contract { get; set; }
    public string? Category { get; set; }
    public string Sort { get; private set; } = "lastName";
    public bool Descending { get; private set; }
    public int Page { get; set; } = 1;

    /// <summary>A second click on the sorted column reverses it; another column starts ascending, from the first page.</summary>
    public void SortBy(string column)
    {
        (Descending, Sort, Page) = (Sort == column && !Descending, column, 1);
    }

    public string ToQuery()
    {
        var query = new StringBuilder($"sort={Sort}&direction={(Descending ? "desc" : "asc")}&page={Page}");
        foreach (var (name, value) in new[] { ("search", Search), ("active", Active), ("contract", Contract), ("category", Category) })
            if (!string.IsNullOrWhiteSpace(value)) query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        return query.ToString();
    }
}

/// <summary>What the employee form holds while it is being filled; the dossier service checks it.</summary>
public sealed class EmployeeFormModel
{
    public string? Civility { get; set; }
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Matricule { get; set; }
    public DateOnly? EntryDate { get; set; }
    public DateOnly? ExitDate { get; set; }
    public string? Contract { get; set; }
    public int? WorkingTimePercent { get; set; } = 100;
    public string? Category { get; set; }
    public string? JobTitle { get; set; }

    public static EmployeeFormModel Of(Api.EmployeeSheet employee) => new()
    {
        Civility = employee.Civility, LastName = employee.LastName, FirstName = employee.FirstName, BirthDate = employee.BirthDate,
        Matricule = employee.Matricule, EntryDate = employee.EntryDate, ExitDate = employee.ExitDate, Contract = employee.Contract,
        WorkingTimePercent = employee.WorkingTimePercent, Category = employee.Category, JobTitle = employee.JobTitle,
    };

    public Api.EmployeeInput ToInput() =>
        new(Civility, LastName, FirstName, BirthDate, Matricule, EntryDate, ExitDate, Contract, WorkingTimePercent, Category, JobTitle);
}
