using Opco.Web.Api;

namespace Opco.Web.Tests;

/// <summary>Contracts as the dossier service would answer them, for the contract screens' tests.</summary>
internal static class ContractSamples
{
    public const string Siret = "73282932000074";
    public static readonly Guid Id = Guid.Parse("2f1d4c1e-9a0b-4a57-8d7e-0c2b5f3e6a11");

    private static readonly string[] StepNames = ["Salarié", "Tuteur", "Contrat", "Formation", "Rémunération", "Pièces", "Récapitulatif"];

    public static ContractView View(string status = "Draft", int currentStep = 1) => new(
        Id, 42, Siret, status, status, status == "Draft", status == "Draft" ? null : "Contactez le gestionnaire du contrat.",
        "Paul Conseil", "Claire Dubois", DateTimeOffset.Parse("2027-01-04T09:00:00+01:00"), currentStep,
        [.. StepNames.Select((name, i) => new DossierStep(i + 1, name, i + 1 < currentStep, i + 1 < currentStep ? [] : ["à renseigner"]))],
        null, null, null,
        null, null, null,
        null, null, 1, "Contrat initial", null, null, null,
        null, null, null, null,
        null, null, null, null,
        null, null,
        [],
        new ContractFunding(9.15m, null, 0m, null, 0, 0m), [], [],
        null, null, null, false,
        null, null, null, null, null,
        null, null, [],
        [],
        [new ContractOption("Young", "Jeune de 16 à 25 ans"), new ContractOption("JobSeeker", "Demandeur d'emploi de 26 ans et plus")], 7);

    public static EmployeeSheet Employee(Guid id, string lastName, string firstName) =>
        new(id, Siret, "Madame", lastName, firstName, new DateOnly(2006, 5, 2), null, new DateOnly(2027, 1, 4), null, "Professionnalisation",
            "Contrat de professionnalisation", 100, "Employe", "Employé", null, DateTimeOffset.UtcNow);

    public static EmployeeSheetsPage Employees(params EmployeeSheet[] employees) => new(employees, employees.Length, 1, 100, "lastName", "asc");
}
