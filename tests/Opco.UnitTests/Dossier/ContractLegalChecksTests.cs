using Opco.Dossier.Domain.Contracts;
using Opco.SharedKernel;
using static Opco.UnitTests.Dossier.LawfulContract;

namespace Opco.UnitTests.Dossier;

/// <summary>Every legal check of a contrat de professionnalisation's entry, one case either side of each limit.</summary>
public sealed class ContractLegalChecksTests
{
    [Fact]
    public void A_complete_lawful_contract_has_every_step_complete_no_check_failing_and_its_funding()
    {
        var contract = Complete();

        Assert.All(contract.Steps(), s => Assert.True(s.Complete, s.Name));
        Assert.Empty(contract.LegalChecks(Lawful));
        // 400 h × 9,15 € + 230 € × 6 months of tutor aid.
        Assert.Equal(new ContractFunding(9.15m, 3_660m, 1_380m, 5_040m, 6, 230m), contract.Funding(Rules));
        Assert.Equal(1_810m, ContractLaw.ContractHours(Start, End, 35m));
    }

    [Fact]
    public void The_trainee_is_at_least_16_at_the_start()
    {
        var sixteen = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);
        Assert.True(sixteen.SaveTerms(Terms(), Lawful, Now).IsEmpty);
        Assert.True(sixteen.SaveTrainee(new TraineeForm(Guid.NewGuid(), "Young"), Person("Seize", Start.AddYears(-16)), Lawful, Now).IsEmpty);

        var fifteen = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);
        Assert.True(fifteen.SaveTerms(Terms(), Lawful, Now).IsEmpty);
        var errors = fifteen.SaveTrainee(new TraineeForm(Guid.NewGuid(), "Young"), Person("Quinze", Start.AddYears(-16).AddDays(1)), Lawful, Now);
        Assert.Equal("Le salarié doit avoir au moins 16 ans au début du contrat : il aura 15 ans le 04/01/2027.", Error(errors, "employeeId"));
        Assert.Null(fifteen.TraineeEmployeeId);
    }

    [Theory]
    [InlineData("Young", 25, true)]
    [InlineData("Young", 26, false)]
    [InlineData("UnqualifiedYoung", 26, false)]
    [InlineData("JobSeeker", 26, true)]
    [InlineData("JobSeeker", 25, false)]
    [InlineData("MinimumIncome", 45, true)]
    [InlineData("SubsidisedContract", 19, true)]
    public void The_public_fits_the_age_at_the_start(string audience, int age, bool lawful)
    {
        var contract = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);
        Assert.True(contract.SaveTerms(Terms(), Lawful, Now).IsEmpty);

        var errors = contract.SaveTrainee(new TraineeForm(Guid.NewGuid(), audience), Person("Age", Start.AddYears(-age)), Lawful, Now);

        Assert.Equal(lawful, errors.IsEmpty);
        if (!lawful) Assert.Contains($"{age} ans au début du contrat", Error(errors, "public"));
    }

    [Theory]
    // 6 months at least: from 04/01/2027, until 03/07/2027.
    [InlineData("Young", "2027-07-03", true)]
    [InlineData("Young", "2027-07-02", false)]
    // 12 months at most for a young person already qualified…
    [InlineData("Young", "2028-01-03", true)]
    [InlineData("Young", "2028-01-04", false)]
    // …24 for the publics that allow it.
    [InlineData("MinimumIncome", "2029-01-03", true)]
    [InlineData("MinimumIncome", "2029-01-04", false)]
    [InlineData("UnqualifiedYoung", "2029-01-03", true)]
    public void The_action_lasts_6_to_12_months_or_24_for_the_publics_that_allow_it(string audience, string end, bool lawful)
    {
        var contract = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);
        Assert.True(contract.SaveTrainee(new TraineeForm(Trainee.Id, audience), audience == "MinimumIncome" ? Person("Rsa", new DateOnly(1985, 1, 1)) : Trainee,
            Lawful, Now).IsEmpty);

        var errors = contract.SaveTerms(Terms(end: DateOnly.Parse(end)), Lawful, Now);

        Assert.Equal(lawful, errors.IsEmpty);
        if (!lawful) Assert.StartsWith("L'action de professionnalisation dure de 6 à", Error(errors, "endDate"));
    }

    [Theory]
    // From a 31st or from 29 February, a month ending shorter ends on its last day.
    [InlineData("2026-12-31", 6, "2027-06-30")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2027-01-04", 12, "2028-01-03")]
    [InlineData("2027-03-31", 24, "2029-03-30")]
    public void Months_end_on_the_day_before_the_same_day_or_on_the_last_day_of_a_shorter_month(string start, int months, string last)
    {
        Assert.Equal(DateOnly.Parse(last), ContractLaw.LastDayOf(DateOnly.Parse(start), months));
        Assert.True(ContractLaw.LastsAtMost(DateOnly.Parse(start), DateOnly.Parse(last), months));
        Assert.False(ContractLaw.LastsAtMost(DateOnly.Parse(start), DateOnly.Parse(last).AddDays(1), months));
        Assert.True(ContractLaw.LastsAtLeast(DateOnly.Parse(start), DateOnly.Parse(last), months));
        Assert.False(ContractLaw.LastsAtLeast(DateOnly.Parse(start), DateOnly.Parse(last).AddDays(-1), months));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2100-01-01")]
    [InlineData("1999-12-31")]
    public void A_date_out_of_any_contract_s_years_is_refused_on_its_field(string day)
    {
        var contract = Complete();
        var date = DateOnly.Parse(day);

        var terms = contract.SaveTerms(Terms(signed: date, start: date, end: date), Lawful, Now);
        var training = contract.SaveTraining(new TrainingForm(Certified.Id, date, date, 400m), Certified, Lawful, Now);

        Assert.Equal("Indiquez une date entre le 01/01/2000 et le 31/12/2099.", Error(terms, "startDate"));
        Assert.NotNull(Error(terms, "endDate"));
        Assert.NotNull(Error(training, "trainingEndDate"));
        Assert.Equal(Start, contract.StartDate);
        Assert.True(contract.SaveTerms(Terms(start: new DateOnly(2099, 1, 1), signed: new DateOnly(2098, 12, 1), end: new DateOnly(2099, 12, 31)), Lawful,
            Now).IsEmpty);
    }

    [Fact]
    public void The_contract_is_signed_at_the_latest_on_its_first_day_and_ends_after_it_starts()
    {
        var contract = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);

        Assert.True(contract.SaveTerms(Terms(signed: Start), Lawful, Now).IsEmpty);
        Assert.Equal("Le contrat doit être signé au plus tard le jour de son début.", Error(contract.SaveTerms(Terms(signed: Start.AddDays(1)), Lawful, Now), "signedOn"));
        Assert.Equal("La date de fin doit suivre la date de début.", Error(contract.SaveTerms(Terms(end: Start.AddDays(-1)), Lawful, Now), "endDate"));
    }

    [Theory]
    [InlineData(48, true)]
    [InlineData(48.01, false)]
    [InlineData(0, false)]
    public void Weekly_hours_are_above_0_and_at_most_48(double weekly, bool lawful)
    {
        var contract = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);

        var errors = contract.SaveTerms(Terms(weekly: (decimal)weekly), Lawful, Now);

        Assert.Equal(lawful, errors.IsEmpty);
        Assert.Equal(lawful ? (decimal)weekly : null, contract.WeeklyHours);
    }

    [Theory]
    [InlineData("RNCP35430", true)]
    [InlineData("rncp35430", true)]
    [InlineData("35430", false)]
    [InlineData("RNCP-35430", false)]
    public void An_RNCP_code_is_RNCP_and_digits(string code, bool lawful)
    {
        var contract = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);
        Assert.Equal(lawful, contract.SaveTerms(Terms() with { QualificationCode = code }, Lawful, Now).IsEmpty);
        Assert.True(contract.SaveTerms(Terms() with { QualificationKind = "Cqp", QualificationCode = "CQP-MAINT-02" }, Lawful, Now).IsEmpty);
    }

    [Theory]
    [InlineData(271.50, true)]
    [InlineData(271.49, false)]
    [InlineData(452.50, true)]
    [InlineData(452.51, false)]
    public void Training_is_15_to_25_percent_of_the_contract(double hours, bool lawful)
    {
        var contract = Complete();

        var errors = contract.SaveTraining(new TrainingForm(Certified.Id, Start, End, (decimal)hours), Certified, Lawful, Now);

        Assert.Equal(lawful, errors.IsEmpty);
        if (!lawful)
            Assert.Equal("La formation représente de 15 % à 25 % de la durée du contrat (1\u202F810 h) : entre 271,5 h et 452,5 h.", Error(errors, "trainingHours"));
    }

    [Fact]
    public void A_contract_too_short_for_150_hours_of_training_says_so()
    {
        // Six months at 10 h a week: 258,57 h, of which 25 % is 64,64 h.
        var contract = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);
        Assert.True(contract.SaveTerms(Terms(end: new DateOnly(2027, 7, 3), weekly: 10m), Lawful, Now).IsEmpty);

        var errors = contract.SaveTraining(new TrainingForm(Certified.Id, Start, new DateOnly(2027, 7, 3), 150m), Certified, Lawful, Now);

        Assert.Equal("La formation compte au moins 150 heures et au plus 25 % de la durée du contrat (258,57 h), soit 64,64 h : allongez le contrat ou sa durée hebdomadaire.",
            Error(errors, "trainingHours"));
    }

    [Theory]
    [InlineData(150, true)]
    [InlineData(149.99, false)]
    public void Training_is_at_least_150_hours_even_when_15_percent_is_less(double hours, bool lawful)
    {
        // Six months: 905 h, of which 15 % is 135,75 h.
        var contract = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);
        Assert.True(contract.SaveTerms(Terms(end: new DateOnly(2027, 7, 3)), Lawful, Now).IsEmpty);

        var errors = contract.SaveTraining(new TrainingForm(Certified.Id, Start, new DateOnly(2027, 7, 3), (decimal)hours), Certified, Lawful, Now);

        Assert.Equal(lawful, errors.IsEmpty);
        if (!lawful) Assert.Equal("La formation doit compter au moins 150 heures.", Error(errors, "trainingHours"));
    }

    [Fact]
    public void Training_takes_place_within_the_contract_with_a_Qualiopi_certified_organisme()
    {
        var contract = Complete();

        Assert.True(contract.SaveTraining(new TrainingForm(Certified.Id, Start, End, 400m), Certified, Lawful, Now).IsEmpty);
        Assert.NotNull(Error(contract.SaveTraining(new TrainingForm(Certified.Id, Start.AddDays(-1), End, 400m), Certified, Lawful, Now), "trainingStartDate"));
        Assert.NotNull(Error(contract.SaveTraining(new TrainingForm(Certified.Id, Start, End.AddDays(1), 400m), Certified, Lawful, Now), "trainingEndDate"));
        var uncertified = FundingDossierTests.Provider(qualiopi: false);
        Assert.Equal("L'organisme de formation doit être certifié Qualiopi.",
            Error(contract.SaveTraining(new TrainingForm(uncertified.Id, Start, End, 400m), uncertified, Lawful with { ProviderCertified = false }, Now),
                "trainingProviderId"));
    }

    [Theory]
    [InlineData(990.99, true)]
    [InlineData(990.98, false)]
    public void Pay_is_at_least_the_minimum_for_the_age(double pay, bool lawful)
    {
        var contract = Complete();

        var errors = contract.SavePay(new PayForm((decimal)pay), Lawful, Now);

        Assert.Equal(lawful, errors.IsEmpty);
        if (!lawful)
            Assert.Equal("À 20 ans, la rémunération est d'au moins 55 % du SMIC, soit 990,99 € bruts par mois pour 35 h par semaine.",
                Error(errors, "monthlyGrossPay"));
    }

    [Theory]
    [InlineData(20, 0.55)]
    [InlineData(21, 0.70)]
    [InlineData(25, 0.70)]
    [InlineData(26, 1.00)]
    public void The_minimum_rate_of_the_SMIC_goes_by_age(int age, double rate)
    {
        Assert.Equal((decimal)rate, ContractLaw.MinimumRate(age));
        Assert.Equal(1_801.80m, ContractLaw.MinimumMonthlyPay(26, 35m, 11.88m));
    }

    [Fact]
    public void The_tutor_has_2_years_of_experience_follows_at_most_two_trainees_and_is_not_the_trainee()
    {
        var contract = Complete();

        Assert.True(contract.SaveTutor(new TutorForm(Tutor.Id, 2, false), Tutor, Lawful, Now).IsEmpty);
        Assert.NotNull(Error(contract.SaveTutor(new TutorForm(Tutor.Id, 1, false), Tutor, Lawful, Now), "tutorExperienceYears"));
        Assert.True(contract.SaveTutor(new TutorForm(Tutor.Id, 5, false), Tutor, Lawful with { TutorOtherTrainees = 1 }, Now).IsEmpty);
        Assert.Equal("Ce tuteur suit déjà 2 salariés en contrat de professionnalisation : un tuteur en suit au plus 2.",
            Error(contract.SaveTutor(new TutorForm(Tutor.Id, 5, false), Tutor, Lawful with { TutorOtherTrainees = 2 }, Now), "tutorEmployeeId"));
        Assert.Equal("Le tuteur ne peut pas être le salarié en contrat de professionnalisation.",
            Error(contract.SaveTutor(new TutorForm(Trainee.Id, 5, false), Trainee, Lawful, Now), "tutorEmployeeId"));
    }
}
