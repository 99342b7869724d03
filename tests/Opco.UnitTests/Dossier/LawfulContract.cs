using Opco.Dossier.Domain;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.UnitTests.Dossier;

/// <summary>
/// The contract the contract tests start from, lawful and complete, and what builds it. From 04/01/2027 to 31/12/2027 (12 months, 362 days), 35 h a week,
/// so 1 810 h, of which the training may be 271,50 h (15 %) to 452,50 h (25 %); a trainee of 20 at the start, whose minimum is 55 % of the SMIC: 990,99 €.
/// </summary>
internal static class LawfulContract
{
    internal const string EmployerSiret = "73282932000074";
    internal static readonly DateOnly Today = new(2026, 12, 3);
    internal static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    internal static readonly DateOnly Start = new(2027, 1, 4);
    internal static readonly DateOnly End = new(2027, 12, 31);
    internal static readonly Actor Manager = new(Guid.NewGuid(), "Claire Martin");
    internal static readonly Actor Advisor = new(Guid.NewGuid(), "Karim Conseiller");
    internal static readonly ContractFundingRules Rules = ContractFundingRules.Default;
    internal static readonly ContractContext Lawful = new(Rules, ProviderCertified: true, TutorOtherTrainees: 0);
    internal static readonly TrainingProvider Certified = FundingDossierTests.Provider(qualiopi: true);

    internal static Employee Person(string lastName, DateOnly birthDate)
    {
        var (employee, errors) = Employee.Create(EmployerSiret, new EmployeeForm("Madame", lastName, "Camille", birthDate, null,
            birthDate.AddYears(15) > Today ? Today : birthDate.AddYears(15), null, "Cdi", 100, "Employe", null), Today, Now);
        Assert.True(errors.IsEmpty, string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
        return employee!;
    }

    internal static readonly Employee Trainee = Person("Alternante", new DateOnly(2006, 5, 10));
    internal static readonly Employee Tutor = Person("Tutrice", new DateOnly(1980, 2, 1));

    internal static TermsForm Terms(DateOnly? signed = null, DateOnly? start = null, DateOnly? end = null, decimal weekly = 35m) =>
        new("FixedTerm", 1, signed ?? Start.AddDays(-10), start ?? Start, end ?? End, weekly, "Technicienne de maintenance", "Rncp", "RNCP35430");

    /// <summary>Every step filled and lawful, with its two pieces.</summary>
    internal static ProfessionalisationContract Complete(string audience = "Young", Employee? trainee = null)
    {
        var contract = ProfessionalisationContract.Create(EmployerSiret, Manager, "conseiller@opco-demo.fr", Now);
        Assert.True(contract.SaveTrainee(new TraineeForm((trainee ?? Trainee).Id, audience), trainee ?? Trainee, Lawful, Now).IsEmpty);
        Assert.True(contract.SaveTutor(new TutorForm(Tutor.Id, 5, true), Tutor, Lawful, Now).IsEmpty);
        Assert.True(contract.SaveTerms(Terms(), Lawful, Now).IsEmpty);
        Assert.True(contract.SaveTraining(new TrainingForm(Certified.Id, Start, End, 400m), Certified, Lawful, Now).IsEmpty);
        Assert.True(contract.SavePay(new PayForm(1_000m), Lawful, Now).IsEmpty);
        foreach (var kind in ProfessionalisationContract.RequiredDocuments)
            Assert.Null(contract.AddDocument(kind, "piece.pdf", "application/pdf", 10, Manager, Now, out _));
        return contract;
    }

    internal static string? Error(FieldErrors errors, string field) => errors.ToDictionary().TryGetValue(field, out var messages) ? messages[0] : null;
}
