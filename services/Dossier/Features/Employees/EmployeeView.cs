using System.Linq.Expressions;
using Opco.SharedKernel.People;
using Opco.Dossier.Domain;

namespace Opco.Dossier.Features.Employees;

/// <summary>An employee as every answer shows it: codes with their French labels, and never a wage.</summary>
public sealed record EmployeeView(Guid Id, string Siret, string Civility, string LastName, string FirstName, DateOnly BirthDate,
    string? Matricule, DateOnly EntryDate, DateOnly? ExitDate, string Contract, string ContractLabel, int WorkingTimePercent,
    string Category, string CategoryLabel, string? JobTitle, DateTimeOffset UpdatedAt)
{
    /// <summary>Read in the database; the labels are added in .NET by <see cref="WithLabels"/>.</summary>
    public static readonly Expression<Func<Employee, EmployeeView>> Projection = e => new EmployeeView(e.Id, e.Siret, e.Civility.ToString(),
        e.LastName, e.FirstName, e.BirthDate, e.Matricule, e.EntryDate, e.ExitDate, e.Contract.ToString(), "", e.WorkingTimePercent,
        e.Category.ToString(), "", e.JobTitle, e.UpdatedAt);

    private static readonly Func<Employee, EmployeeView> Compiled = Projection.Compile();

    public static EmployeeView Of(Employee employee) => Compiled(employee).WithLabels();

    public EmployeeView WithLabels() => this with
    {
        ContractLabel = EmployeeLabels.Of(Enum.Parse<EmploymentContract>(Contract)),
        CategoryLabel = EmployeeLabels.Of(Enum.Parse<SocioProfessionalCategory>(Category)),
    };
}
