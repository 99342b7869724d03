using Opco.Dossier.Domain.Contracts;
using Opco.SharedKernel;
using static Opco.UnitTests.Dossier.LawfulContract;

namespace Opco.UnitTests.Dossier;

/// <summary>A contract's transmission, deadlines, decision (by the advisor or by silence), dates, rupture and avenants.</summary>
public sealed class ContractMovesTests
{
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
        var contract = ProfessionalisationContract.Create(EmployerSiret, Manager, "c", Now);
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
