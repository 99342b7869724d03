using Opco.SharedKernel.People;
using Opco.Dossier.Domain;

namespace Opco.UnitTests.Dossier;

public sealed class EmployeeFileTests
{
    private const string Siret = "73282932000074";
    private const string Header = "civilite;nom;prenom;date_naissance;matricule;date_entree;date_sortie;contrat;temps_travail;csp;emploi";
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Manager = Guid.NewGuid();

    [Fact]
    public void The_template_reads_back_as_one_valid_line()
    {
        foreach (var withWages in new[] { false, true })
        {
            var (lines, errors, fileError) = EmployeeFile.Read(EmployeeFile.Template(withWages));

            Assert.Null(fileError);
            Assert.Empty(errors);
            var line = Assert.Single(lines);
            Assert.Equal(2, line.Number);
            Assert.True(Employee.CheckForm(line.Form, Today).IsEmpty);
            Assert.Equal(withWages, line.HasWage);
            if (withWages) Assert.Equal(15.20m, line.HourlyGross);
        }
    }

    [Fact]
    public void Labels_as_a_spreadsheet_user_writes_them_are_read_as_codes()
    {
        var (lines, errors, _) = EmployeeFile.Read(
            $"\uFEFF{Header}\r\nMme;Durand;Léa;02/05/1988;;01/01/2019;;Contrat de professionnalisation;80 %;Technicien / agent de maîtrise;\r\n"
            + "M.;Petit;Jean;1975-07-20;;2001-03-01;;cdd;100;EMPLOYÉ;\r\n");

        Assert.Empty(errors);
        Assert.Equal(("Madame", "Professionnalisation", 80, "TechnicienAgentMaitrise"),
            (lines[0].Form.Civility, lines[0].Form.Contract, lines[0].Form.WorkingTimePercent, lines[0].Form.Category));
        Assert.Equal(("Monsieur", "Cdd", "Employe"), (lines[1].Form.Civility, lines[1].Form.Contract, lines[1].Form.Category));
        Assert.All(lines, l => Assert.True(Employee.CheckForm(l.Form, Today).IsEmpty));
    }

    [Fact]
    public void Quoted_fields_may_hold_the_separator_and_line_numbers_follow_the_file()
    {
        var (lines, _, _) = EmployeeFile.Read($"{Header}\n\nMadame;Martin;Camille;14/03/1990;;01/09/2020;;CDI;100;Cadre;\"Chef de projet; R&D \"\"Nord\"\"\"\n");

        var line = Assert.Single(lines);
        Assert.Equal(3, line.Number);
        Assert.Equal("Chef de projet; R&D \"Nord\"", line.Form.JobTitle);
    }

    [Fact]
    public void Unreadable_values_are_reported_on_their_line_and_column()
    {
        var (lines, errors, _) = EmployeeFile.Read($"{Header}\nMadame;Martin;Camille;31/02/1990;;01/09/2020;;CDI;plein;Cadre;\nMadame;Seule;Ligne;trop;courte\n");

        Assert.Empty(lines);
        Assert.Contains(new LineError(2, "date_naissance", "« 31/02/1990 » n'est pas une date au format JJ/MM/AAAA."), errors);
        Assert.Contains(errors, e => e is { Line: 2, Column: "temps_travail" });
        Assert.Contains(errors, e => e is { Line: 3, Column: null } && e.Message.Contains("5 champ(s) au lieu de 11"));
    }

    [Theory]
    [InlineData("", "Le fichier est vide")]
    [InlineData("nom;prenom;couleur\n", "Colonne(s) inconnue(s) : couleur")]
    [InlineData("nom;prenom\n", "Colonne(s) obligatoire(s) absente(s) : civilite, date_naissance")]
    [InlineData(Header + ";salaire_horaire\n", "vont ensemble")]
    public void A_file_without_the_template_s_columns_is_refused_as_a_whole(string text, string message)
    {
        var (_, _, fileError) = EmployeeFile.Read(text);

        Assert.Contains(message, fileError);
    }

    [Fact]
    public void A_line_creates_an_employee_or_updates_the_one_its_matricule_or_identity_designates()
    {
        var (byMatricule, _) = Employee.Create(Siret, EmployeeTests.ValidForm("M1"), Today, Now);
        var (byIdentity, _) = Employee.Create(Siret, EmployeeTests.ValidForm(null) with { LastName = "Durand", FirstName = "Léa" }, Today, Now);
        var import = new EmployeeImport([byMatricule!, byIdentity!], Today, Now, Manager);
        var (lines, _, _) = EmployeeFile.Read($"{Header}\n"
            + "Madame;Martin;Camille;14/03/1990;M1;01/09/2020;30/11/2026;CDI;100;Employe;\n"
            + "Madame;DURAND;léa;14/03/1990;M2;01/09/2020;;CDI;50;Employe;\n"
            + "Monsieur;Nouveau;Paul;01/01/1980;M3;01/01/2021;;CDD;100;Cadre;\n");

        foreach (var line in lines) Assert.Empty(import.Apply(Siret, line));

        Assert.Equal(new DateOnly(2026, 11, 30), byMatricule!.ExitDate);
        Assert.Equal(("M2", 50), (byIdentity!.Matricule, byIdentity.WorkingTimePercent));
        var created = Assert.Single(import.Created);
        Assert.Equal("Nouveau", created.LastName);
        Assert.Equal((3, 2), (import.Valid, import.Updated));
    }

    [Fact]
    public void The_same_employee_twice_or_a_matricule_of_someone_born_another_day_is_a_faulty_line()
    {
        var (holder, _) = Employee.Create(Siret, EmployeeTests.ValidForm("M1"), Today, Now);
        var import = new EmployeeImport([holder!], Today, Now, Manager);
        var (lines, _, _) = EmployeeFile.Read($"{Header}\n"
            + "Monsieur;Nouveau;Paul;01/01/1980;M3;01/01/2021;;CDD;100;Cadre;\n"
            + "Monsieur;Nouveau;Paul;01/01/1980;M3;01/01/2021;;CDI;100;Cadre;\n"
            + "Madame;Autre;Anne;01/01/1985;M1;01/01/2021;;CDD;100;Cadre;\n"
            + "Madame;Faute;Anne;01/01/1985;;01/01/2021;;stage;100;Cadre;\n");

        Assert.Empty(import.Apply(Siret, lines[0]));
        Assert.Equal("Ce salarié figure déjà à la ligne 2 du fichier.", Assert.Single(import.Apply(Siret, lines[1])).Message);
        var typo = Assert.Single(import.Apply(Siret, lines[2]));
        Assert.Equal(("matricule", "Ce matricule est celui de Camille Martin, né(e) le 14/03/1990 : vérifiez le matricule ou la date de naissance."),
            (typo.Column, typo.Message));
        Assert.Equal("Martin", holder!.LastName);
        Assert.Equal("contrat", Assert.Single(import.Apply(Siret, lines[3])).Column);
        Assert.Equal(EmploymentContract.Cdd, Assert.Single(import.Created).Contract);
        Assert.Equal(1, import.Valid);
    }

    [Fact]
    public void Wages_are_recorded_once_and_a_faulty_wage_leaves_its_line_unapplied()
    {
        var (existing, _) = Employee.Create(Siret, EmployeeTests.ValidForm("M1"), Today, Now);
        existing!.RecordWage(new DateOnly(2026, 1, 1), 15.20m, Manager, Now);
        var import = new EmployeeImport([existing], Today, Now, Manager);
        var (lines, _, _) = EmployeeFile.Read($"{Header};salaire_horaire;date_effet_salaire\n"
            + "Madame;Martin;Camille;14/03/1990;M1;01/09/2020;;CDI;100;Employe;;15,20;01/01/2026\n"
            + "Madame;Martin;Camille;14/03/1990;M1;01/09/2020;;CDD;100;Employe;;16,00;01/01/2026\n"
            + "Monsieur;Nouveau;Paul;01/01/1980;M3;01/01/2021;;CDD;100;Cadre;;12,50;01/06/2021\n");

        Assert.Empty(import.Apply(Siret, lines[0]));
        Assert.Single(existing.Wages);
        Assert.Empty(import.WageChanges);

        var refused = new EmployeeImport([existing], Today, Now, Manager).Apply(Siret, lines[1]);
        Assert.Equal(new LineError(3, "date_effet_salaire", Employee.WageDateTaken), Assert.Single(refused));
        Assert.Equal(EmploymentContract.Cdi, existing.Contract);

        Assert.Empty(import.Apply(Siret, lines[2]));
        Assert.Equal(12.50m, Assert.Single(Assert.Single(import.Created).Wages).HourlyGross);
        Assert.Single(import.WageChanges);
    }
}
