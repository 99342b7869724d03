using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Api.Lists;
using Opco.Dossier.Domain;

namespace Opco.Dossier.Data;

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public const string OneMatriculePerEstablishment = "ix_employees_siret_matricule";

    public void Configure(EntityTypeBuilder<Employee> employee)
    {
        employee.ToTable("employees");
        employee.HasKey(e => e.Id);
        employee.Property(e => e.Siret).HasMaxLength(14);
        employee.Property(e => e.Civility).HasConversion<string>().HasMaxLength(20);
        employee.Property(e => e.LastName).HasMaxLength(Employee.NameMaxLength).UseCollation(Collations.French);
        employee.Property(e => e.FirstName).HasMaxLength(Employee.NameMaxLength).UseCollation(Collations.French);
        employee.Property(e => e.Matricule).HasMaxLength(Employee.MatriculeMaxLength);
        employee.Property(e => e.Contract).HasConversion<string>().HasMaxLength(30);
        employee.Property(e => e.Category).HasConversion<string>().HasMaxLength(30);
        employee.Property(e => e.JobTitle).HasMaxLength(Employee.NameMaxLength);
        // Two edits at once: the second fails instead of silently undoing the first.
        employee.Property(e => e.UpdatedAt).IsConcurrencyToken();
        employee.HasIndex(e => new { e.Siret, e.Matricule }, OneMatriculePerEstablishment).IsUnique().HasFilter("\"Matricule\" IS NOT NULL");
        employee.HasIndex(e => new { e.Siret, e.LastName, e.FirstName });
        employee.HasMany(e => e.Wages).WithOne().HasForeignKey(w => w.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        employee.Navigation(e => e.Wages).AutoInclude(false);
    }
}

internal sealed class HourlyWageConfiguration : IEntityTypeConfiguration<HourlyWage>
{
    public const string OnePerDate = "ix_hourly_wages_employee_applies_from";

    public void Configure(EntityTypeBuilder<HourlyWage> wage)
    {
        wage.ToTable("hourly_wages");
        wage.HasKey(w => w.Id);
        wage.Property(w => w.HourlyGross).HasPrecision(9, 2);
        wage.HasIndex(w => new { w.EmployeeId, w.AppliesFrom }, OnePerDate).IsUnique();
    }
}

internal sealed class WageAccessConfiguration : IEntityTypeConfiguration<WageAccess>
{
    public void Configure(EntityTypeBuilder<WageAccess> access)
    {
        access.ToTable("wage_accesses");
        access.HasKey(a => a.Id);
        access.Property(a => a.Siret).HasMaxLength(14);
        access.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        access.HasIndex(a => new { a.EmployeeId, a.At });
    }
}
