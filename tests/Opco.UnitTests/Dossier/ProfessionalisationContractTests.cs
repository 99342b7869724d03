using Opco.Dossier.Domain;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.UnitTests.Dossier;

/// <summary>
/// Every legal check of a contrat de professionnalisation, one case either side of each limit, and its deadlines. The
/// base contract: from 04/01/2027 to 31/12/2027 (12 months, 362 days), 35 h a week, so 1 810 h, of which the training
/// may be 271,50 h (15 %) to 452,50 h (25 %); a trainee of 20 at the start, whose minimum is 55 % of the SMIC: 990,99 €.
/// </summary>
public sealed class ProfessionalisationContractTests
{
    private const string Siret = "73282932000074";
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2027, 1, 4);
    private static readonly DateOnly End = new(2027, 12, 31);
    private static readonly Actor Manager = new(Guid.NewGuid(), "Claire Martin");
    private static readonly Actor Advisor = new(Guid.NewGuid(), "Karim Conseiller");
    private static readonly ContractFundingRules Rules = ContractFundingRules.Default;
    private static readonly ContractContext Lawful = new(Rules, ProviderCertified: true, TutorOtherTrainees: 0);
    private static readonly TrainingProvider Certified = FundingDossierTests.Provider(qualiopi: true);

    private static Employee Person(string lastName, DateOnly birthDate)
    {
        var (employee, errors) = Employee.Create(Siret, new EmployeeForm("Madame", lastName, "Camille", birthDate, null,
            birthDate.AddYears(15) > Today ? Today : birthDate.AddYears(15), null, "Cdi", 100, "Employe", null), Today, Now);
        Assert.True(errors.IsEmpty, string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
        return employee!;
    }

    private static readonly Employee Trainee = Person("Alternante", new DateOnly(2006, 5, 10));
    private static readonly Employee Tutor = Person("Tutrice", new DateOnly(1980, 2, 1));

    private static TermsForm Terms(DateOnly? signed = null, DateOnly? start = null, DateOnly? end = null, decimal weekly = 35m) =>
        new("FixedTerm", 1, signed ?? Start.AddDays(-10), start ?? Start, end ?? End, weekly, "Technicienne de maintenance", "Rncp", "RNCP35430");

    /// <summary>Every step filled and lawful, with its two pieces.</summary>
    private static ProfessionalisationContract Complete(string audience = "Young", Employee? trainee = null)
    {
        var contract = ProfessionalisationContract.Create(Siret, Manager, "conseiller@opco-demo.fr", Now);
        Assert.True(contract.SaveTrainee(new TraineeForm((trainee ?? Trainee).Id, audience), trainee ?? Trainee, Lawful, Now).IsEmpty);
        Assert.True(contract.SaveTutor(new TutorForm(Tutor.Id, 5, true), Tutor, Lawful, Now).IsEmpty);
        Assert.True(contract.SaveTerms(Terms(), Lawful, Now).IsEmpty);
        Assert.True(contract.SaveTraining(new TrainingForm(Certified.Id, Start, End, 400m), Certified, Lawful, Now).IsEmpty);
        Assert.True(contract.SavePay(new PayForm(1_000m), Lawful, Now).IsEmpty);
        foreach (var kind in ProfessionalisationContract.RequiredDocuments)
            Assert.Null(contract.AddDocument(kind, "piece.pdf", "application/pdf", 10, Manager, Now, out _));
        return contract;
    }

    private static string? Error(FieldErrors errors, string field) => errors.ToDictionary().TryGetValue(field, out var messages) ? messages[0] : null;

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
        var sixteen = ProfessionalisationContract.Create(Siret, Manager, "c", Now);
        Assert.True(sixteen.SaveTerms(Terms(), Lawful, Now).IsEmpty);
        Assert.True(sixteen.SaveTrainee(new TraineeForm(Guid.NewGuid(), "Young"), Person("Seize", Start.AddYears(-16)), Lawful, Now).IsEmpty);

        var fifteen = ProfessionalisationContract.Create(Siret, Manager, "c", Now);
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
        var contract = ProfessionalisationContract.Create(Siret, Manager, "c", Now);
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
        var contract = ProfessionalisationContract.Create(Siret, Manager, "c", Now);
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
        var contract = ProfessionalisationContract.Create(Siret, Manager, "c", Now);

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
        var contract = ProfessionalisationContract.Create(Siret, Manager, "c", Now);

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
        var contract = ProfessionalisationContract.Create(Siret, Manager, "c", Now);
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
        var contract = ProfessionalisationContract.Create(Siret, Manager, "c", Now);
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
        var contract = ProfessionalisationContract.Create(Siret, Manager, "c", Now);
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

    [Fact]
    public void A_check_spanning_steps_blocks_the_transmission_with_its_step()
    {
        var contract = Complete();
        // The trainee is now 26 at the start: the public "Young" no longer fits, and the pay is below 100 % of the SMIC.
        Assert.True(contract.SaveTerms(Terms(signed: new DateOnly(2032, 5, 1), start: new DateOnly(2032, 5, 10), end: new DateOnly(2033, 5, 9)), Lawful,
            Now).IsEmpty);

        var refusal = contract.Transmit(Manager, Lawful, Today, Now, out _);

        Assert.StartsWith("Le contrat ne respecte pas les règles du contrat de professionnalisation : étape 1 : Ce public concerne les jeunes", refusal);
        Assert.Contains("étape 4 : La formation commence pendant le contrat", refusal);
        Assert.Contains("étape 5 : À 26 ans, la rémunération est d'au moins 100 % du SMIC", refusal);
        Assert.Equal(ContractStatus.Draft, contract.Status);
    }

    [Fact]
    public void An_incomplete_contract_is_not_transmitted()
    {
        var contract = ProfessionalisationContract.Create(Siret, Manager, "c", Now);
        Assert.StartsWith("Le contrat est incomplet : étape 1 « Salarié » : le salarié, le public ; étape 2", contract.Transmit(Manager, Lawful, Today, Now, out _));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Filed_more_than_5_days_after_the_start_it_is_transmitted_with_a_warning(int daysAfterStart, bool warned)
    {
        var contract = Complete();

        Assert.Null(contract.Transmit(Manager, Lawful, Start.AddDays(daysAfterStart), Now, out var warnings));

        Assert.Equal(warned, warnings.Any(w => w.StartsWith("Le contrat a commencé le 04/01/2027 : il devait être déposé au plus tard le 09/01/2027")));
        Assert.Equal(ContractStatus.Transmitted, contract.Status);
    }

    [Fact]
    public void The_decision_is_due_20_days_after_the_transmission_and_silence_then_accepts_with_a_binding_commitment()
    {
        var contract = Complete();
        Assert.Null(contract.Transmit(Manager, Lawful, Today, Now, out _));

        Assert.Equal(new DateOnly(2026, 12, 23), contract.DecisionDueOn);
        Assert.Equal("Décision attendue avant le 23/12/2026", ContractLaw.DecisionDueText(contract.DecisionDueOn!.Value));
        Assert.False(contract.AcceptSilently(5_040m, new DateOnly(2026, 12, 22), Now));
        Assert.Equal(ContractStatus.Transmitted, contract.Status);
        Assert.True(contract.AcceptSilently(5_040m, new DateOnly(2026, 12, 23), Now));
        Assert.Equal((ContractStatus.AcceptancePending, true, 5_040m), (contract.Status, contract.SilentAcceptance, contract.CommittedAmount));
        Assert.Equal(ProfessionalisationContract.SilenceReason, contract.History[^1].Reason);
        // The law decides: finance cannot send a silent acceptance back.
        Assert.False(contract.FailAcceptance("Enveloppe épuisée", Now));
        Assert.True(contract.ConfirmAcceptance(5_040m, Now));
        Assert.Equal((ContractStatus.Accepted, ProfessionalisationContract.SilenceReason), (contract.Status, contract.History[^1].Reason));
    }

    [Fact]
    public void The_advisor_refuses_only_before_the_decision_is_due_and_with_a_reason()
    {
        var contract = Complete();
        Assert.Null(contract.Transmit(Manager, Lawful, Today, Now, out _));
        Assert.Null(contract.Review(Advisor, Now));

        Assert.Equal("Le motif du refus est obligatoire.", Error(contract.Refuse(" ", Advisor, new DateOnly(2026, 12, 22), Now), "reason"));
        Assert.Equal("Le délai de décision a expiré le 22/12/2026 : le contrat est réputé accepté et ne peut plus être refusé.",
            Error(contract.Refuse("Qualification hors branche", Advisor, new DateOnly(2026, 12, 23), Now), "status"));
        Assert.True(contract.Refuse("Qualification hors branche", Advisor, new DateOnly(2026, 12, 22), Now).IsEmpty);
        Assert.Equal((ContractStatus.Refused, "Karim Conseiller"), (contract.Status, contract.HandlerName));
    }

    [Fact]
    public void Accepted_it_runs_on_its_dates_and_a_rupture_is_declared_within_them()
    {
        var contract = Complete();
        Assert.Null(contract.Transmit(Manager, Lawful, Today, Now, out _));
        Assert.Null(contract.Review(Advisor, Now));
        Assert.Null(contract.Accept(5_040m, Advisor, Now));
        Assert.Equal(ContractStatus.AcceptancePending, contract.Status);
        Assert.True(contract.FailAcceptance("Enveloppe épuisée", Now));
        Assert.Equal((ContractStatus.UnderReview, "Enveloppe épuisée", (decimal?)null), (contract.Status, contract.CommitmentFailure, contract.CommittedAmount));
        Assert.Null(contract.Accept(5_040m, Advisor, Now));
        Assert.True(contract.ConfirmAcceptance(5_040m, Now));
        Assert.False(contract.ConfirmAcceptance(5_040m, Now));

        Assert.False(contract.FollowDates(Start.AddDays(-1), Now));
        Assert.True(contract.FollowDates(Start, Now));
        Assert.Equal(ContractStatus.InProgress, contract.Status);
        Assert.False(contract.FollowDates(End, Now));

        Assert.Equal("La rupture intervient pendant le contrat : entre le 25/12/2026 et le 31/12/2027.",
            Error(contract.Terminate(End.AddDays(1), "Démission", Manager, Now), "date"));
        Assert.Equal("Le motif de la rupture est obligatoire.", Error(contract.Terminate(End, null, Manager, Now), "reason"));
        Assert.True(contract.Terminate(new DateOnly(2027, 3, 15), "Rupture d'un commun accord", Manager, Now).IsEmpty);
        Assert.Equal((ContractStatus.Terminated, new DateOnly(2027, 3, 15)), (contract.Status, contract.TerminatedOn));
        Assert.False(contract.FollowDates(End.AddDays(1), Now));
    }

    [Fact]
    public void In_progress_it_finishes_the_day_after_its_end()
    {
        var contract = Complete();
        Assert.Null(contract.Transmit(Manager, Lawful, Today, Now, out _));
        Assert.Null(contract.Review(Advisor, Now));
        Assert.Null(contract.Accept(5_040m, Advisor, Now));
        Assert.True(contract.ConfirmAcceptance(5_040m, Now));

        // Accepted after its end (a late filing): started and finished in one run.
        Assert.True(contract.FollowDates(End.AddDays(1), Now));

        Assert.Equal([ContractStatus.InProgress, ContractStatus.Finished], contract.History.TakeLast(2).Select(h => h.To));
    }

    [Fact]
    public void An_avenant_is_a_new_type_5_version_that_funds_only_what_it_adds()
    {
        var contract = Complete();
        Assert.Equal("Le contrat est « Brouillon » : un avenant se déclare sur un contrat pris en charge ou en cours.",
            contract.Amend(Manager, "c", null, Now, out var refused));
        Assert.Null(refused);
        Assert.Null(contract.Transmit(Manager, Lawful, Today, Now, out _));
        Assert.Null(contract.Review(Advisor, Now));
        Assert.Null(contract.Accept(5_040m, Advisor, Now));
        Assert.True(contract.ConfirmAcceptance(5_040m, Now));

        Assert.Equal("Ce contrat a déjà un avenant (n° 12) : complétez-le, ou déclarez l'avenant suivant depuis celui-ci.", contract.Amend(Manager, "c", 12, Now, out _));
        Assert.Null(contract.Amend(Manager, "c", null, Now, out var avenant));

        Assert.Equal((5, contract.Id, ContractStatus.Draft, 400m, Trainee.Id), (avenant!.ContractType, avenant.AmendsId, avenant.Status, avenant.TrainingHours,
            avenant.TraineeEmployeeId));
        Assert.Equal(0m, avenant.CommitmentToRequest(Rules));
        Assert.True(avenant.SaveTraining(new TrainingForm(Certified.Id, Start, End, 450m), Certified, Lawful, Now).IsEmpty);
        // 50 more hours × 9,15 €.
        Assert.Equal(457.50m, avenant.CommitmentToRequest(Rules));
        Assert.Equal(5, avenant.ContractType);

        // Its own avenant counts what both versions committed: 5 040 € and 457,50 €. Each version has its signed pieces.
        Assert.StartsWith("Le contrat est incomplet : étape 6 « Pièces » : contrat signé, programme de formation.", avenant.Transmit(Manager, Lawful, Today, Now, out _));
        foreach (var kind in ProfessionalisationContract.RequiredDocuments)
            Assert.Null(avenant.AddDocument(kind, "avenant.pdf", "application/pdf", 10, Manager, Now, out _));
        Assert.Null(avenant.Transmit(Manager, Lawful, Today, Now, out _));
        Assert.Null(avenant.Review(Advisor, Now));
        Assert.Null(avenant.Accept(avenant.CommitmentToRequest(Rules), Advisor, Now));
        Assert.True(avenant.ConfirmAcceptance(457.50m, Now));
        Assert.Null(avenant.Amend(Manager, "c", null, Now, out var second));
        Assert.Equal(5_497.50m, second!.PreviousCommitment);
        Assert.Equal(0m, second.CommitmentToRequest(Rules));
        Assert.StartsWith("Un avenant porte sur le salarié du contrat n°", Error(second.SaveTrainee(new TraineeForm(Tutor.Id, "Young"), Tutor, Lawful, Now), "employeeId"));
        Assert.Empty(second.Warnings(Rules, End));
    }

    [Fact]
    public void An_avenant_taken_in_charge_replaces_the_version_it_amends()
    {
        var contract = Complete();
        Assert.Null(contract.Transmit(Manager, Lawful, Today, Now, out _));
        Assert.Null(contract.Review(Advisor, Now));
        Assert.Null(contract.Accept(5_040m, Advisor, Now));
        Assert.True(contract.ConfirmAcceptance(5_040m, Now));
        Assert.True(contract.FollowDates(Start, Now));

        Assert.True(contract.Supersede(9, Now));

        Assert.Equal((ContractStatus.Superseded, "Remplacé par l'avenant n° 9, pris en charge."), (contract.Status, contract.History[^1].Reason));
        Assert.False(contract.Supersede(10, Now));
        Assert.False(contract.FollowDates(End.AddDays(1), Now));
        Assert.NotNull(Error(contract.Terminate(Start.AddDays(3), "Démission", Manager, Now), "status"));
        Assert.StartsWith("Le contrat est « Remplacé par avenant »", contract.Amend(Manager, "c", null, Now, out _));
    }

    [Fact]
    public void Branch_checks_warn_without_blocking()
    {
        var contract = Complete();
        Assert.True(contract.SaveTerms(Terms(weekly: 23.5m), Lawful, Now).IsEmpty);
        Assert.True(contract.SaveTraining(new TrainingForm(Certified.Id, Start, End, 300m), Certified, Lawful, Now).IsEmpty);
        Assert.True(contract.SavePay(new PayForm(700m), Lawful, Now).IsEmpty);

        Assert.Null(contract.Transmit(Manager, Lawful, Today, Now, out var warnings));

        Assert.Equal(["L'accord de branche prévoit au moins 24 h par semaine : l'OPCO pourra vous demander de le justifier."], warnings);
        // The forfait funds 1 200 h at most.
        Assert.Equal(10_980m, Rules.TrainingFunding(1_500m));
    }
}
