using Opco.SharedKernel.Documents;
using Opco.Api.Security;
using Opco.Dossier.Domain;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel.People;

namespace Opco.UnitTests.Dossier;

public sealed class FundingDossierTests
{
    private const string Siret = "73282932000074";
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Manager = new(Guid.NewGuid(), "Claire Martin");
    private static readonly Actor Advisor = new(Guid.NewGuid(), "Karim Conseiller");
    private static readonly SchemeCeilings Ceilings = new(30m, 11.88m, 20m, 90m, 0.30m, 15000m);
    private static readonly OfferRule DefiOrSmall = new("DEFi Performance", 10);
    private static readonly Scheme Plan = Scheme.Seeded("Plan", "Plan", FundingKind.CompanyAccount, "Plan obligatoire", false, DefiOrSmall, DefiOrSmall,
        Ceilings, 1, Now);

    private static Employee NewEmployee(DateOnly? exit = null)
    {
        var (employee, _) = Employee.Create(Siret, new EmployeeForm("Madame", "Martin", "Camille", new DateOnly(1990, 3, 14), null,
            new DateOnly(2020, 9, 1), exit, "Cdi", 100, "Employe", null), Today, Now);
        return employee!;
    }

    /// <summary>Every step filled: 14 h for one trainee, 1 000 € of teaching (420 € fundable), two meals, 400 € asked.</summary>
    internal static (FundingDossier Dossier, Employee Trainee) Complete(DateOnly? start = null)
    {
        var dossier = FundingDossier.Create(Siret, Manager, "conseiller@opco-demo.fr", Now);
        var trainee = NewEmployee();
        var begins = start ?? Today.AddDays(60);
        Assert.True(dossier.SaveFrame(Plan, SchemeOffer.Yes, SchemeOffer.Yes, false, Now).IsEmpty);
        Assert.True(dossier.SaveAction(new ActionForm("Management", "ActionFormation", "Presentiel", "RS5678", begins, begins.AddDays(1), 14m, "Paris"), Now).IsEmpty);
        Assert.True(dossier.SaveProvider(Provider(qualiopi: true), false, Now).IsEmpty);
        Assert.True(dossier.SaveTrainees([new TraineeLine(trainee.Id, 14m, 0m)], [trainee], Now).IsEmpty);
        Assert.True(dossier.SaveCosts(new CostsForm(1000m, [new IncidentalCostLine("Meal", 2m, 25m)], 400m), Now).IsEmpty);
        foreach (var kind in FundingDossier.RequiredDocuments)
            Assert.Null(dossier.AddDocument(kind, "piece.pdf", "application/pdf", 10, Manager, Today, Now, out _));
        return (dossier, trainee);
    }

    internal static TrainingProvider Provider(bool qualiopi)
    {
        var (provider, _) = TrainingProvider.Create(new TrainingProviderForm("73282932000074", "11751234567", "Institut", "1 rue A", "75001", "Paris",
            qualiopi, null), new NoIban(), Guid.NewGuid(), Now);
        return provider!;
    }

    private static DossierCosts Costs(FundingDossier dossier, decimal? wage = 15m) =>
        DossierCosts.Of(dossier, Ceilings, wage is { } w ? new Dictionary<Guid, decimal> { [dossier.Trainees[0].EmployeeId] = w } : new Dictionary<Guid, decimal>());

    private static FundingDossier Transmitted()
    {
        var (dossier, _) = Complete();
        Assert.Null(dossier.RequestTransmission(Manager, Costs(dossier), SchemeOffer.Yes, Today, Now, out _));
        Assert.Null(dossier.Transmit(Now));
        return dossier;
    }

    [Fact]
    public void A_new_dossier_misses_every_step_and_says_what()
    {
        var dossier = FundingDossier.Create(Siret, Manager, "conseiller@opco-demo.fr", Now);

        var steps = dossier.Steps();
        Assert.Equal(7, steps.Count);
        Assert.All(steps, s => Assert.False(s.Complete));
        Assert.Equal(["le dispositif", "le choix de la subrogation de paiement"], steps[0].Missing);
        Assert.Equal(["devis", "programme", "convention"], steps[5].Missing);
        Assert.Equal(1, dossier.CurrentStep);
        Assert.Equal(DossierStatus.Draft, dossier.Status);
        Assert.Single(dossier.History);
    }

    [Fact]
    public void A_complete_dossier_is_complete_at_the_summary_step()
    {
        var (dossier, _) = Complete();

        Assert.True(dossier.IsComplete);
        Assert.Equal(7, dossier.CurrentStep);
    }

    [Fact]
    public void The_salary_cost_is_hours_times_the_wage_capped_by_the_scheme_and_zero_with_a_warning_without_a_wage()
    {
        var (dossier, _) = Complete();

        var capped = Costs(dossier, 15m);
        Assert.Equal(166.32m, capped.SalaryCost);
        Assert.Equal(140m, Costs(dossier, 10m).SalaryCost);
        var missing = Costs(dossier, null);
        Assert.Equal(0m, missing.SalaryCost);
        Assert.True(missing.Trainees[0].WageMissing);
        Assert.Contains(missing.Warnings, w => w.Contains("salaire non renseigné"));
    }

    [Fact]
    public void Costs_are_funded_within_the_ceilings_per_trainee_hour_per_unit_and_per_action()
    {
        var (dossier, _) = Complete();

        var costs = Costs(dossier, 15m);

        Assert.Equal(420m, costs.TeachingFundable);
        Assert.Equal(50m, costs.IncidentalCost);
        Assert.Equal(40m, costs.IncidentalFundable);
        Assert.Equal(420m + 166.32m + 40m, costs.FundableTotal);
        Assert.Contains(costs.Warnings, w => w == "Les coûts pédagogiques sont pris en charge dans la limite de 30,00 € par heure-stagiaire, soit 420,00 €.");
        Assert.Contains(costs.Warnings, w => w == "Repas : pris en charge dans la limite de 20,00 € l'unité.");
        var capped = DossierCosts.Of(dossier, Ceilings with { MaxPerAction = 400m }, new Dictionary<Guid, decimal>());
        Assert.Equal(400m, capped.FundableTotal);
        Assert.Equal("La prise en charge est plafonnée à 400,00 € par action.", capped.ActionCapWarning);
        Assert.Null(costs.ActionCapWarning);
    }

    [Fact]
    public void Entry_checks_refuse_wrong_values_with_french_messages_and_keep_the_draft_as_it_was()
    {
        var (dossier, trainee) = Complete();

        var action = dossier.SaveAction(new ActionForm("Titre", "Stage", "Presentiel", null, Today.AddDays(10), Today.AddDays(5), 0m, null), Now);
        Assert.Equal("La date de fin ne peut pas précéder la date de début.", action.ToDictionary()["endDate"].Single());
        Assert.StartsWith("Choisissez la nature", action.ToDictionary()["nature"].Single());
        Assert.True(action.Has("hours"));
        Assert.Equal("Management", dossier.Title);

        var trainees = dossier.SaveTrainees([new TraineeLine(trainee.Id, 20m, 25m), new TraineeLine(Guid.NewGuid(), 5m, null)], [trainee], Now);
        Assert.Equal("Les heures du stagiaire ne peuvent pas dépasser la durée de l'action.", trainees.ToDictionary()["trainees[0].hours"].Single());
        Assert.True(trainees.Has("trainees[0].hoursOutsideWorkingTime"));
        Assert.Equal("Choisissez un salarié de l'établissement.", trainees.ToDictionary()["trainees[1].employeeId"].Single());

        var costs = dossier.SaveCosts(new CostsForm(-1m, [new IncidentalCostLine("Taxi", 1m, 10.555m)], 10.001m), Now);
        Assert.Equal(["teachingCost", "requestedAmount", "incidentalCosts[0].kind", "incidentalCosts[0].unitAmount"], costs.ToDictionary().Keys);
        Assert.Equal(400m, dossier.RequestedAmount);

        Assert.StartsWith("Cet organisme n'est pas certifié Qualiopi", dossier.SaveProvider(Provider(qualiopi: false), false, Now).ToDictionary()["trainingProviderId"].Single());
    }

    [Fact]
    public void A_scheme_reserved_to_the_catalogue_takes_only_a_dossier_requested_from_an_offer_and_its_provider()
    {
        var selection = Scheme.Seeded("SelectionDefi", "Sélection DEFi", FundingKind.CompanyAccount, "Sélection DEFi", true, OfferRule.Everyone, DefiOrSmall,
            Ceilings, 2, Now);
        var offerProvider = Provider(qualiopi: true);
        var otherProvider = Provider(qualiopi: true);

        // Chosen by hand on a dossier that did not come from the catalogue: refused, nothing saved.
        var byHand = FundingDossier.Create(Siret, Manager, "conseiller", Now);
        var refused = byHand.SaveFrame(selection, SchemeOffer.Yes, SchemeOffer.Yes, false, Now);
        Assert.StartsWith("Ce dispositif finance uniquement les formations du catalogue Sélection DEFi Formations", refused.ToDictionary()["schemeCode"].Single());
        Assert.Null(byHand.SchemeCode);
        // The other schemes stay open to it.
        Assert.True(byHand.SaveFrame(Plan, SchemeOffer.Yes, SchemeOffer.Yes, false, Now).IsEmpty);

        // From an offer: taken, with the offer's provider only.
        var fromOffer = FundingDossier.CreateFromCatalogue(Siret, Guid.NewGuid(), offerProvider.Id, Manager, "conseiller", Now);
        Assert.True(fromOffer.SaveFrame(selection, SchemeOffer.Yes, SchemeOffer.Yes, false, Now).IsEmpty);
        Assert.StartsWith("Ce dispositif finance uniquement les formations du catalogue : l'organisme doit rester celui de l'offre",
            fromOffer.SaveProvider(otherProvider, schemeIsCatalogueOnly: true, Now).ToDictionary()["trainingProviderId"].Single());
        Assert.True(fromOffer.SaveProvider(offerProvider, schemeIsCatalogueOnly: true, Now).IsEmpty);

        // Another provider under another scheme, then back to the catalogue's scheme: refused on the scheme.
        Assert.True(fromOffer.SaveFrame(Plan, SchemeOffer.Yes, SchemeOffer.Yes, false, Now).IsEmpty);
        Assert.True(fromOffer.SaveProvider(otherProvider, schemeIsCatalogueOnly: false, Now).IsEmpty);
        Assert.True(fromOffer.SaveFrame(selection, SchemeOffer.Yes, SchemeOffer.Yes, false, Now).Has("schemeCode"));
        Assert.Equal("Plan", fromOffer.SchemeCode);
    }

    [Fact]
    public void A_scheme_not_offered_or_subrogation_not_offered_is_refused_with_its_reason()
    {
        var dossier = FundingDossier.Create(Siret, Manager, "conseiller", Now);

        var errors = dossier.SaveFrame(Plan, SchemeOffer.No("Le dispositif n'est pas proposé."), SchemeOffer.No("Pas de subrogation."), true, Now);

        Assert.Equal("Le dispositif n'est pas proposé.", errors.ToDictionary()["schemeCode"].Single());
        Assert.Equal("Pas de subrogation.", errors.ToDictionary()["directPayment"].Single());
        Assert.Null(dossier.SchemeCode);
    }

    [Fact]
    public void An_employee_gone_before_the_start_cannot_be_a_trainee()
    {
        var (dossier, _) = Complete();
        var gone = NewEmployee(exit: Today);

        var errors = dossier.SaveTrainees([new TraineeLine(gone.Id, 7m, 0m)], [gone], Now);

        Assert.Equal("Camille Martin ne fait plus partie de l'établissement au début de l'action.", errors.ToDictionary()["trainees[0].employeeId"].Single());
    }

    [Fact]
    public void Transmission_needs_a_complete_dossier_a_future_start_and_an_amount_within_what_the_scheme_funds()
    {
        var incomplete = FundingDossier.Create(Siret, Manager, "conseiller", Now);
        Assert.StartsWith("Le dossier est incomplet : étape 1 « Cadre »",
            incomplete.RequestTransmission(Manager, DossierCosts.Of(incomplete, Ceilings, new Dictionary<Guid, decimal>()), SchemeOffer.Yes, Today, Now, out _));

        var (late, _) = Complete(start: Today.AddDays(-1));
        Assert.Equal("La formation commence le 02/12/2026 : une demande de prise en charge doit parvenir à l'OPCO avant le début de la formation.",
            late.RequestTransmission(Manager, Costs(late), SchemeOffer.Yes, Today, Now, out _));

        var (greedy, _) = Complete();
        greedy.SaveCosts(new CostsForm(1000m, [], 700m), Now);
        Assert.Equal("Le montant demandé (700,00 €) dépasse le montant finançable par le dispositif (586,32 €).",
            greedy.RequestTransmission(Manager, Costs(greedy), SchemeOffer.Yes, Today, Now, out _));

        var (soon, _) = Complete(start: Today.AddDays(10));
        Assert.Null(soon.RequestTransmission(Manager, Costs(soon), SchemeOffer.Yes, Today, Now, out var warnings));
        Assert.Contains(warnings, w => w.StartsWith("La formation commence dans moins de 30 jours"));
        Assert.Equal(DossierStatus.TransmissionRequested, soon.Status);
        Assert.False(soon.IsEditable);
        Assert.Equal("Le dossier est « Transmission demandée » : il n'est plus modifiable. Pour toute modification, contactez son gestionnaire à l'OPCO, conseiller@opco-demo.fr.",
            soon.SaveAction(new ActionForm("x", null, null, null, null, null, null, null), Now).ToDictionary()["status"].Single());
    }

    [Fact]
    public void Unlock_returns_to_the_entry_only_before_the_nightly_transmission()
    {
        var (dossier, _) = Complete();
        dossier.RequestTransmission(Manager, Costs(dossier), SchemeOffer.Yes, Today, Now, out _);

        Assert.Null(dossier.Unlock(Manager, Now));
        Assert.Equal(DossierStatus.Draft, dossier.Status);
        dossier.RequestTransmission(Manager, Costs(dossier), SchemeOffer.Yes, Today, Now, out _);
        dossier.Transmit(Now);
        Assert.StartsWith("Le dossier est « En cours de validation » : il ne peut pas passer « En cours de saisie ».", dossier.Unlock(Manager, Now));
    }

    [Fact]
    public void Acceptance_waits_for_finance_blocks_other_decisions_and_a_repeated_answer_changes_nothing()
    {
        var dossier = Transmitted();
        var costs = Costs(dossier);

        Assert.Equal("Le montant accordé ne peut pas dépasser le montant demandé (400,00 €).",
            dossier.Accept(401m, costs, Advisor, Now).ToDictionary()["grantedAmount"].Single());
        Assert.True(dossier.Accept(350m, costs, Advisor, Now).IsEmpty);
        Assert.Equal(DossierStatus.AcceptancePending, dossier.Status);
        Assert.Equal("Karim Conseiller", dossier.HandlerName);
        Assert.True(dossier.Refuse("Non", Advisor, Today, Now).Has("status"));
        Assert.True(dossier.ConfirmAcceptance(Now));
        Assert.False(dossier.ConfirmAcceptance(Now));
        Assert.False(dossier.FailAcceptance("trop tard", Now));
        Assert.Equal((DossierStatus.Accepted, 350m), (dossier.Status, dossier.GrantedAmount));
    }

    [Fact]
    public void A_commitment_refused_by_finance_sends_the_dossier_back_with_the_reason()
    {
        var dossier = Transmitted();
        dossier.Accept(350m, Costs(dossier), Advisor, Now);

        Assert.True(dossier.FailAcceptance("Pas assez", Now));

        Assert.Equal((DossierStatus.UnderReview, (decimal?)null, "Pas assez"), (dossier.Status, dossier.GrantedAmount, dossier.CommitmentFailure));
        Assert.Equal("Pas assez", dossier.History[^1].Reason);
    }

    [Fact]
    public void Pieces_asked_for_have_a_deadline_a_reminder_date_and_bring_the_dossier_back_once_added()
    {
        var dossier = Transmitted();

        Assert.True(dossier.AskForDocuments("Programme signé", Advisor, Today, Now.AddHours(1)).IsEmpty);
        Assert.Equal(Today.AddDays(30), dossier.DocumentsDueOn);
        Assert.False(dossier.IsDocumentsReminderDue(Today.AddDays(14)));
        Assert.True(dossier.IsDocumentsReminderDue(Today.AddDays(15)));
        Assert.Equal("Ajoutez les pièces demandées avant de renvoyer le dossier.", dossier.ReturnWithDocuments(Manager, Now));
        Assert.StartsWith("Les pièces demandées sont attendues jusqu'au 02/01/2027", dossier.Refuse("Rien reçu", Advisor, Today.AddDays(30), Now).ToDictionary()["status"].Single());
        Assert.True(dossier.Refuse("Rien reçu", Advisor, Today.AddDays(31), Now.AddDays(31)).IsEmpty);
        Assert.Equal(DossierStatus.Refused, dossier.Status);
    }

    [Fact]
    public void The_completion_certificate_comes_after_the_end_of_an_accepted_training_and_makes_it_realise()
    {
        var dossier = Transmitted();
        dossier.Accept(350m, Costs(dossier), Advisor, Now);
        dossier.ConfirmAcceptance(Now);

        Assert.StartsWith("Le certificat de réalisation se dépose après la fin de la formation",
            dossier.AddDocument(DocumentKind.CompletionCertificate, "c.pdf", "application/pdf", 1, Manager, Today, Now, out _));
        Assert.Equal("Seul le certificat de réalisation peut être déposé sur un dossier accepté.",
            dossier.AddDocument(DocumentKind.Quote, "d.pdf", "application/pdf", 1, Manager, Today, Now, out _));
        Assert.Null(dossier.AddDocument(DocumentKind.CompletionCertificate, "c.pdf", "application/pdf", 1, Manager, Today.AddDays(90), Now, out _));
        Assert.Equal(DossierStatus.Completed, dossier.Status);
    }

    [Fact]
    public void The_company_cancels_only_before_the_start_the_advisor_at_any_time_and_always_with_a_reason()
    {
        var dossier = Transmitted();
        dossier.Accept(350m, Costs(dossier), Advisor, Now);
        dossier.ConfirmAcceptance(Now);

        Assert.Equal("Le motif de l'annulation est obligatoire.", dossier.Cancel(" ", Manager, DossierActor.Company, Today, Now).ToDictionary()["reason"].Single());
        Assert.StartsWith("La formation a commencé", dossier.Cancel("Report", Manager, DossierActor.Company, dossier.StartDate!.Value, Now).ToDictionary()["status"].Single());
        Assert.True(dossier.Cancel("Formation annulée par l'organisme", Advisor, DossierActor.Advisor, dossier.StartDate!.Value, Now).IsEmpty);
        Assert.Equal(DossierStatus.Cancelled, dossier.Status);
    }

    [Fact]
    public void Only_the_moves_of_the_table_are_allowed_and_each_is_kept_in_the_history()
    {
        var allowed = DossierStatuses.Transitions.ToHashSet();
        foreach (var from in Enum.GetValues<DossierStatus>())
        foreach (var to in Enum.GetValues<DossierStatus>())
        foreach (var by in Enum.GetValues<DossierActor>())
            Assert.Equal(allowed.Contains((from, to, by)), DossierStatuses.Allows(from, to, by));
        Assert.Equal(14, allowed.Count);
        Assert.False(DossierStatuses.Allows(DossierStatus.Draft, DossierStatus.UnderReview, DossierActor.Company));
        Assert.False(DossierStatuses.Allows(DossierStatus.Refused, DossierStatus.Accepted, DossierActor.Advisor));

        var dossier = Transmitted();
        Assert.Equal([(null, DossierStatus.Draft), (DossierStatus.Draft, DossierStatus.TransmissionRequested),
            (DossierStatus.TransmissionRequested, DossierStatus.UnderReview)], dossier.History.Select(h => (h.From, h.To)));
        Assert.Equal("Transmission de nuit", dossier.History[^1].ByName);
    }

    [Theory]
    [InlineData("2026-12-03T00:30:00Z", "2026-12-03T01:00:00Z")]
    [InlineData("2026-12-03T01:00:00Z", "2026-12-04T01:00:00Z")]
    [InlineData("2026-07-01T12:00:00Z", "2026-07-02T00:00:00Z")]
    // 2:00 does not exist that night (summer time starts): the run comes at 3:00, the same moment.
    [InlineData("2026-03-28T23:30:00Z", "2026-03-29T01:00:00Z")]
    public void The_nightly_run_comes_at_its_hour_in_paris_winter_and_summer(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), Opco.Dossier.Features.Dossiers.NightlyRun.NextRun(DateTimeOffset.Parse(now), new TimeOnly(2, 0)));

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90 }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, null)]
    public void A_piece_is_judged_by_its_first_bytes(byte[] content, string? expected) =>
        Assert.Equal(expected, DocumentFile.ContentTypeOf(content));

    [Fact]
    public void A_piece_name_keeps_no_folder_nor_control_characters()
    {
        Assert.Equal("devis.pdf", DocumentFile.SafeName("../../etc/devis.pdf", "application/pdf"));
        Assert.Equal("piece.png", DocumentFile.SafeName("  ", "image/png"));
        Assert.Equal("ab.pdf", DocumentFile.SafeName("a\u0000b.pdf", "application/pdf"));
    }

    private sealed class NoIban : IIbanProtector
    {
        public byte[] Protect(Opco.SharedKernel.Iban iban) => throw new InvalidOperationException("No IBAN in these tests.");
        public Opco.SharedKernel.Iban Unprotect(byte[] protectedIban) => throw new InvalidOperationException("No IBAN in these tests.");
        public byte[] Fingerprint(Opco.SharedKernel.Iban iban) => throw new InvalidOperationException("No IBAN in these tests.");
    }
}
