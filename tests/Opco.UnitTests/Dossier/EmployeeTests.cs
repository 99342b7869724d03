using Opco.Dossier.Domain;
using Opco.SharedKernel.People;

namespace Opco.UnitTests.Dossier;

public sealed class EmployeeTests
{
    private const string Siret = "73282932000074";
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Manager = Guid.NewGuid();

    internal static EmployeeForm ValidForm(string? matricule = "M0042") =>
        new("Madame", " Martin ", "Camille", new DateOnly(1990, 3, 14), matricule, new DateOnly(2020, 9, 1), null, "cdi", 100, "Employe",
            "Assistante de gestion");

    [Fact]
    public void A_complete_form_makes_an_employee_with_trimmed_values()
    {
        var (employee, errors) = Employee.Create(Siret, ValidForm(), Today, Now);

        Assert.True(errors.IsEmpty);
        Assert.NotNull(employee);
        Assert.Equal(Civility.Madame, employee.Civility);
        Assert.Equal("Martin", employee.LastName);
        Assert.Equal(EmploymentContract.Cdi, employee.Contract);
        Assert.Equal(SocioProfessionalCategory.Employe, employee.Category);
        Assert.True(employee.IsEmployedOn(Today));
    }

    [Fact]
    public void Every_missing_field_gets_its_own_french_message_and_nothing_is_created()
    {
        var (employee, errors) = Employee.Create(Siret, new EmployeeForm(null, " ", null, null, null, null, null, null, null, null, null), Today, Now);

        Assert.Null(employee);
        var messages = errors.ToDictionary();
        Assert.Equal(["La civilité est obligatoire (Monsieur ou Madame)."], messages["civility"]);
        Assert.Equal(["Le nom est obligatoire."], messages["lastName"]);
        Assert.Equal(["Le prénom est obligatoire."], messages["firstName"]);
        Assert.Equal(["La date de naissance est obligatoire."], messages["birthDate"]);
        Assert.Equal(["La date d'entrée est obligatoire."], messages["entryDate"]);
        Assert.Contains("Le contrat est obligatoire", messages["contract"][0]);
        Assert.Contains("Le temps de travail", messages["workingTimePercent"][0]);
        Assert.Contains("La catégorie socio-professionnelle est obligatoire", messages["category"][0]);
        Assert.False(messages.ContainsKey("matricule"));
        Assert.False(messages.ContainsKey("jobTitle"));
    }

    [Theory]
    [InlineData(2026, 12, 3, "La date de naissance n'est pas plausible : vérifiez sa saisie.")]
    [InlineData(1925, 1, 1, "La date de naissance n'est pas plausible : vérifiez sa saisie.")]
    [InlineData(2007, 9, 2, "Le salarié doit avoir au moins 14 ans à sa date d'entrée.")]
    public void An_implausible_birth_date_is_refused(int year, int month, int day, string message)
    {
        var (_, errors) = Employee.Create(Siret, ValidForm() with { BirthDate = new DateOnly(year, month, day) }, Today, Now);

        Assert.Equal([message], errors.ToDictionary()["birthDate"]);
    }

    [Fact]
    public void Fourteen_years_old_on_the_entry_day_is_enough()
    {
        var (employee, _) = Employee.Create(Siret, ValidForm() with { BirthDate = new DateOnly(2006, 9, 1) }, Today, Now);

        Assert.NotNull(employee);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Working_time_is_a_percentage_of_full_time(int percent)
    {
        var (_, errors) = Employee.Create(Siret, ValidForm() with { WorkingTimePercent = percent }, Today, Now);

        Assert.True(errors.Has("workingTimePercent"));
    }

    [Fact]
    public void Codes_are_names_not_numbers()
    {
        var (_, errors) = Employee.Create(Siret, ValidForm() with { Contract = "0", Category = "1", Civility = "0" }, Today, Now);

        Assert.True(errors.Has("contract"));
        Assert.True(errors.Has("category"));
        Assert.True(errors.Has("civility"));
    }

    [Fact]
    public void A_text_too_long_or_with_control_characters_is_refused()
    {
        var (_, errors) = Employee.Create(Siret, ValidForm() with { LastName = new string('a', 101), Matricule = "M\u0000" }, Today, Now);

        Assert.Equal(["Le nom ne doit pas dépasser 100 caractères."], errors.ToDictionary()["lastName"]);
        Assert.Equal(["Le matricule contient des caractères non autorisés."], errors.ToDictionary()["matricule"]);
    }

    [Fact]
    public void An_exit_date_ends_the_employment_and_cannot_precede_the_entry()
    {
        var (employee, _) = Employee.Create(Siret, ValidForm(), Today, Now);

        var refused = employee!.Edit(ValidForm() with { ExitDate = new DateOnly(2020, 8, 31) }, Today, Now);
        Assert.Equal(["La date de sortie ne peut pas précéder la date d'entrée."], refused.ToDictionary()["exitDate"]);
        Assert.Null(employee.ExitDate);

        Assert.True(employee.Edit(ValidForm() with { ExitDate = new DateOnly(2026, 12, 2) }, Today, Now.AddMinutes(1)).IsEmpty);
        Assert.True(employee.IsEmployedOn(new DateOnly(2026, 12, 2)));
        Assert.False(employee.IsEmployedOn(Today));
        Assert.Equal(Now.AddMinutes(1), employee.UpdatedAt);
    }

    [Fact]
    public void A_faulty_edit_changes_nothing()
    {
        var (employee, _) = Employee.Create(Siret, ValidForm(), Today, Now);

        var errors = employee!.Edit(ValidForm() with { LastName = "Durand", Contract = "interim" }, Today, Now.AddMinutes(1));

        Assert.True(errors.Has("contract"));
        Assert.Equal("Martin", employee.LastName);
        Assert.Equal(Now, employee.UpdatedAt);
    }

    [Fact]
    public void Wages_keep_their_history_and_the_one_applying_on_a_day_is_the_latest_started()
    {
        var (employee, _) = Employee.Create(Siret, ValidForm(), Today, Now);

        Assert.True(employee!.RecordWage(new DateOnly(2025, 1, 1), 14.50m, Manager, Now).IsEmpty);
        Assert.True(employee.RecordWage(new DateOnly(2026, 1, 1), 15.20m, Manager, Now).IsEmpty);

        Assert.Equal(2, employee.Wages.Count);
        Assert.Null(employee.WageOn(new DateOnly(2024, 12, 31)));
        Assert.Equal(14.50m, employee.WageOn(new DateOnly(2025, 12, 31))!.HourlyGross);
        Assert.Equal(15.20m, employee.WageOn(Today)!.HourlyGross);
    }

    [Theory]
    [InlineData(null, "Le salaire horaire brut est obligatoire.")]
    [InlineData("0", "Le salaire horaire brut doit être compris entre 0,01 € et 1 000 €.")]
    [InlineData("1000.01", "Le salaire horaire brut doit être compris entre 0,01 € et 1 000 €.")]
    [InlineData("15.205", "Le salaire horaire brut s'exprime en euros et centimes (2 décimales au plus).")]
    public void A_wage_is_euros_and_cents_within_bounds(string? amount, string message)
    {
        var (employee, _) = Employee.Create(Siret, ValidForm(), Today, Now);

        var errors = employee!.RecordWage(Today, amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Manager, Now);

        Assert.Equal([message], errors.ToDictionary()["hourlyGross"]);
        Assert.Empty(employee.Wages);
    }

    [Fact]
    public void A_second_wage_from_the_same_date_or_before_the_entry_is_refused()
    {
        var (employee, _) = Employee.Create(Siret, ValidForm(), Today, Now);
        employee!.RecordWage(new DateOnly(2026, 1, 1), 15.20m, Manager, Now);

        Assert.Equal([Employee.WageDateTaken], employee.RecordWage(new DateOnly(2026, 1, 1), 16m, Manager, Now).ToDictionary()["appliesFrom"]);
        Assert.Equal(["La date d'effet ne peut pas précéder la date d'entrée du salarié."],
            employee.RecordWage(new DateOnly(2020, 8, 31), 16m, Manager, Now).ToDictionary()["appliesFrom"]);
        Assert.Single(employee.Wages);
    }
}
