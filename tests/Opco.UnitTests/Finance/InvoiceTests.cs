using Opco.Api.Security;
using Opco.Contracts.Dossier;
using Opco.Finance.Domain;
using Opco.Finance.Domain.Invoices;
using Opco.SharedKernel;

namespace Opco.UnitTests.Finance;

public sealed class InvoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly InvoiceActorRef Company = new(Guid.NewGuid(), "Claire Martin");
    private static readonly InvoiceActorRef Advisor = new(Guid.NewGuid(), "Paul Conseil");
    private static readonly InvoiceActorRef Administrator = new(Guid.NewGuid(), "Anne Gestion");
    private static readonly InvoiceFileInfo File = new("facture.pdf", "application/pdf", 1234);
    private const string CompanyIban = "FR7630006000011234567890189";
    private static readonly AesGcmIbanProtector Protector = new("a-test-secret-of-more-than-thirty-two-characters", "opco-finance-iban");

    private static FundedDossier Dossier(bool directPayment = false, string? providerIban = "FR76 •••• •••• 4321") =>
        FundedDossier.Of(new DossierFundingGranted(Guid.NewGuid(), 42, "73282932000074", "Plan", "Management", 350m, 14m, new DateOnly(2026, 11, 2),
            new DateOnly(2026, 11, 3), directPayment, "44306184100047", "Institut Avenir", directPayment ? providerIban : null, Now));

    private static InvoiceForm Form(decimal hours = 7m, decimal exclTax = 150m, decimal vat = 30m, decimal inclTax = 180m, string? iban = CompanyIban,
        DateOnly? issuedOn = null) => new("F-1", issuedOn ?? Today, hours, exclTax, vat, inclTax, iban);

    private static Invoice Submitted(FundedDossier dossier, InvoiceForm? form = null)
    {
        var (invoice, errors) = Invoice.Submit(dossier, form ?? Form(), 0m, File, Protector, [], Company, Today, Now);
        Assert.True(errors.IsEmpty, string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
        return invoice!;
    }

    private static Invoice Approved(FundedDossier dossier, InvoiceForm? form = null)
    {
        var invoice = Submitted(dossier, form);
        Assert.True(invoice.StartCheck(Advisor, Now).IsEmpty);
        Assert.True(invoice.Approve(Advisor, Now).IsEmpty);
        return invoice;
    }

    private static IDictionary<string, string[]> Refusals(FundedDossier dossier, InvoiceForm form, decimal hoursInvoiced = 0m) =>
        Invoice.Submit(dossier, form, hoursInvoiced, File, Protector, [], Company, Today, Now).Errors.ToDictionary();

    [Fact]
    public void The_hours_of_a_dossier_s_invoices_stay_within_the_hours_granted_to_the_hundredth()
    {
        var dossier = Dossier();
        Assert.Empty(Refusals(dossier, Form(hours: 7m), hoursInvoiced: 7m));
        Assert.Equal("Les heures réalisées (7,01 h) dépassent les heures accordées restant à facturer (7 h sur 14 h).",
            Refusals(dossier, Form(hours: 7.01m), hoursInvoiced: 7m)["hoursDone"].Single());
        Assert.Equal("Indiquez les heures réalisées, supérieures à 0.", Refusals(dossier, Form(hours: 0m))["hoursDone"].Single());
        Assert.Equal("Les heures s'expriment avec deux décimales au plus.", Refusals(dossier, Form(hours: 1.001m))["hoursDone"].Single());
    }

    [Fact]
    public void The_amounts_are_cents_and_the_ttc_is_the_ht_plus_the_vat()
    {
        var dossier = Dossier();
        Assert.Equal("Le montant TTC doit être égal au HT plus la TVA (180,00 €).", Refusals(dossier, Form(inclTax: 180.01m))["amountInclTax"].Single());
        Assert.Equal("Le montant de TVA ne peut pas être négatif.", Refusals(dossier, Form(vat: -1m))["vat"].Single());
        Assert.Equal("Le montant HT s'exprime en euros et centimes (deux décimales au plus).", Refusals(dossier, Form(exclTax: 150.001m))["amountExclTax"].Single());
        Assert.Equal("Le montant TTC doit être supérieur à 0 €.", Refusals(dossier, Form(exclTax: 0m, vat: 0m, inclTax: 0m))["amountInclTax"].Single());
    }

    [Fact]
    public void The_invoice_date_lies_between_the_training_s_start_and_today()
    {
        var dossier = Dossier();
        Assert.Empty(Refusals(dossier, Form(issuedOn: dossier.StartDate)));
        Assert.Equal("La facture ne peut pas précéder le début de la formation (02/11/2026).",
            Refusals(dossier, Form(issuedOn: dossier.StartDate.AddDays(-1)))["issuedOn"].Single());
        Assert.Equal("La date de la facture ne peut pas être dans le futur.", Refusals(dossier, Form(issuedOn: Today.AddDays(1)))["issuedOn"].Single());
    }

    [Fact]
    public void A_company_gives_the_account_to_reimburse_kept_encrypted_and_masked_while_under_subrogation_the_provider_is_paid()
    {
        Assert.Equal("L'IBAN est obligatoire.", Refusals(Dossier(), Form(iban: null))["iban"].Single());
        Assert.Equal("Cet IBAN n'est pas valide : vérifiez sa saisie.", Refusals(Dossier(), Form(iban: "FR7630006000011234567890188"))["iban"].Single());
        var reimbursed = Submitted(Dossier());
        Assert.Equal(("FR76 •••• •••• 0189", InvoiceIssuer.Company, "73282932000074"), (reimbursed.MaskedIban, reimbursed.Issuer, reimbursed.IssuerSiret));
        Iban.TryParse(CompanyIban, out var iban);
        Assert.Equal(iban, Protector.Unprotect(reimbursed.EncryptedIban!));
        Assert.True(reimbursed.NewBankAccount);
        var again = Invoice.Submit(Dossier(), Form(), 0m, File, Protector, [Convert.ToHexString(reimbursed.IbanFingerprint!)], Company, Today, Now).Invoice!;
        Assert.False(again.NewBankAccount);
        var subrogated = Submitted(Dossier(directPayment: true), Form(iban: null));
        Assert.Equal((null, InvoiceIssuer.TrainingProvider, "44306184100047"), (subrogated.MaskedIban, subrogated.Issuer, subrogated.IssuerSiret));
    }

    [Fact]
    public void An_invoice_is_checked_then_approved_or_rejected_with_a_reason_each_move_kept()
    {
        var invoice = Submitted(Dossier());
        Assert.Equal("La facture est « Reçue » : elle ne peut pas passer « Bon à payer ».", invoice.Approve(Advisor, Now).ToDictionary()["status"].Single());
        Assert.True(invoice.StartCheck(Advisor, Now).IsEmpty);
        Assert.Equal("Le motif du rejet est obligatoire.", invoice.Reject("  ", Advisor, Now).ToDictionary()["reason"].Single());
        Assert.True(invoice.Reject("Facture non acquittée", Advisor, Now).IsEmpty);
        Assert.Equal((InvoiceStatus.Rejected, "Facture non acquittée"), (invoice.Status, invoice.RejectionReason));
        Assert.Equal([(null, InvoiceStatus.Received), (InvoiceStatus.Received, InvoiceStatus.UnderCheck), (InvoiceStatus.UnderCheck, InvoiceStatus.Rejected)],
            invoice.History.Select(h => (h.From, h.To)));
        Assert.False(invoice.StartCheck(Advisor, Now).IsEmpty);
    }

    [Fact]
    public void The_person_who_checked_an_invoice_never_pays_it()
    {
        var dossier = Dossier();
        dossier.Complete(Now);
        var invoice = Approved(dossier);
        var (payment, errors) = invoice.Pay(dossier, Today, 180m, 350m, Advisor with { Name = "Paul, aussi administrateur" }, Today, Now);
        Assert.Null(payment);
        Assert.Equal("Vous avez contrôlé cette facture : son règlement doit être enregistré par une autre personne.", errors.ToDictionary()["status"].Single());
        Assert.NotNull(invoice.Pay(dossier, Today, 180m, 350m, Administrator, Today, Now).Payment);
    }

    [Fact]
    public void A_payment_needs_the_certificate_and_stays_within_the_invoice_and_what_the_commitment_holds()
    {
        var dossier = Dossier();
        var invoice = Approved(dossier);
        Assert.Equal("Le certificat de réalisation du dossier n° 42 n'a pas été déposé : la facture ne peut pas être réglée.",
            invoice.Pay(dossier, Today, 180m, 350m, Administrator, Today, Now).Errors.ToDictionary()["status"].Single());
        dossier.Complete(Now);
        Assert.Equal("Le règlement dépasse ce que l'engagement du dossier n° 42 peut encore payer (179,99 €).",
            invoice.Pay(dossier, Today, 180m, 179.99m, Administrator, Today, Now).Errors.ToDictionary()["amount"].Single());
        Assert.Equal("Le règlement ne peut pas dépasser le montant TTC de la facture (180,00 €).",
            invoice.Pay(dossier, Today, 180.01m, 350m, Administrator, Today, Now).Errors.ToDictionary()["amount"].Single());
        Assert.Equal("La date du règlement ne peut pas être dans le futur.",
            invoice.Pay(dossier, Today.AddDays(1), 180m, 350m, Administrator, Today, Now).Errors.ToDictionary()["paidOn"].Single());
        Assert.Equal(InvoiceStatus.ApprovedForPayment, invoice.Status);

        var (payment, errors) = invoice.Pay(dossier, Today, 180m, 180m, Administrator, Today, Now);
        Assert.True(errors.IsEmpty);
        Assert.Equal((180m, "Entreprise, établissement SIRET 73282932000074", "FR76 •••• •••• 0189", "Dossier n° 42 / facture n° F-1"),
            (payment!.Amount, payment.PayeeName, payment.PayeeMaskedIban, payment.Reference));
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.False(invoice.Pay(dossier, Today, 1m, 350m, Administrator, Today, Now).Errors.IsEmpty);
    }

    [Fact]
    public void Under_subrogation_the_provider_is_paid_on_its_iban_of_the_registry_and_not_without_one()
    {
        var withoutIban = Dossier(directPayment: true, providerIban: null);
        withoutIban.Complete(Now);
        Assert.Equal("L'organisme de formation n'a pas d'IBAN enregistré : enregistrez-le (« IBAN de l'organisme de formation ») pour lui régler la facture par subrogation.",
            Approved(withoutIban, Form(iban: null)).Pay(withoutIban, Today, 180m, 350m, Administrator, Today, Now).Errors.ToDictionary()["status"].Single());
        var dossier = Dossier(directPayment: true);
        dossier.Complete(Now);
        var payment = Approved(dossier, Form(iban: null)).Pay(dossier, Today, 180m, 350m, Administrator, Today, Now).Payment!;
        Assert.Equal(("Institut Avenir", "FR76 •••• •••• 4321"), (payment.PayeeName, payment.PayeeMaskedIban));
    }

    [Fact]
    public void The_administrator_who_recorded_the_providers_iban_does_not_pay_it_another_does()
    {
        var dossier = Dossier(directPayment: true, providerIban: null);
        dossier.Complete(Now);
        dossier.ChangeProviderIban(TrainingProviderIban.Of(new TrainingProviderIbanChanged(Guid.NewGuid(), "44306184100047", "FR14 •••• •••• 2606",
            Now, Administrator.UserId)));
        var invoice = Approved(dossier, Form(iban: null));

        Assert.Equal("Vous avez enregistré l'IBAN de l'organisme de formation : le règlement doit être enregistré par une autre personne.",
            invoice.Pay(dossier, Today, 180m, 350m, Administrator, Today, Now).Errors.ToDictionary()["status"].Single());
        var payment = invoice.Pay(dossier, Today, 180m, 350m, new InvoiceActorRef(Guid.NewGuid(), "Marc Trésor"), Today, Now).Payment!;
        Assert.Equal("FR14 •••• •••• 2606", payment.PayeeMaskedIban);
    }

    [Fact]
    public void A_providers_new_iban_reaches_its_subrogated_dossier_the_newest_winning_whatever_the_order_of_delivery()
    {
        static TrainingProviderIban Change(string masked, DateTimeOffset at, string siret = "44306184100047") =>
            TrainingProviderIban.Of(new TrainingProviderIbanChanged(Guid.NewGuid(), siret, masked, at, Guid.NewGuid()));
        // Granted with the IBAN recorded at Now − 5 min.
        var dossier = FundedDossier.Of(new DossierFundingGranted(Guid.NewGuid(), 42, "73282932000074", "Plan", "Management", 350m, 14m,
            new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), true, "44306184100047", "Institut Avenir", "FR76 •••• •••• 4321", Now,
            Now.AddMinutes(-5)));

        dossier.ChangeProviderIban(Change("FR14 •••• •••• 2606", Now.AddMinutes(-6)));
        dossier.ChangeProviderIban(Change("FR14 •••• •••• 2606", Now.AddMinutes(-5)));
        Assert.Equal("FR76 •••• •••• 4321", dossier.ProviderMaskedIban);
        dossier.ChangeProviderIban(Change("FR14 •••• •••• 2606", Now.AddMinutes(1), siret: "73282932000074"));
        Assert.Equal("FR76 •••• •••• 4321", dossier.ProviderMaskedIban);
        // Recorded after the IBAN the grant read, even if before the grant itself: it counts.
        dossier.ChangeProviderIban(Change("FR14 •••• •••• 2606", Now.AddMinutes(-1)));
        Assert.Equal("FR14 •••• •••• 2606", dossier.ProviderMaskedIban);
        dossier.ChangeProviderIban(Change("FR76 •••• •••• 0189", Now.AddMinutes(-2)));
        Assert.Equal("FR14 •••• •••• 2606", dossier.ProviderMaskedIban);
        dossier.ChangeProviderIban(Change("FR76 •••• •••• 0189", Now.AddMinutes(3)));
        Assert.Equal(("FR76 •••• •••• 0189", Now.AddMinutes(3)), (dossier.ProviderMaskedIban, dossier.ProviderIbanChangedAt));

        // Granted with the IBAN the provider was added with (none here): any change is newer.
        var withoutIban = Dossier(directPayment: true, providerIban: null);
        withoutIban.ChangeProviderIban(Change("FR14 •••• •••• 2606", Now.AddMinutes(-30)));
        Assert.Equal("FR14 •••• •••• 2606", withoutIban.ProviderMaskedIban);

        var reimbursed = Dossier(directPayment: false);
        reimbursed.ChangeProviderIban(Change("FR14 •••• •••• 2606", Now.AddMinutes(2)));
        Assert.Null(reimbursed.ProviderMaskedIban);

        var kept = Change("FR14 •••• •••• 2606", Now.AddMinutes(2));
        kept.Keep(new TrainingProviderIbanChanged(Guid.NewGuid(), "44306184100047", "FR76 •••• •••• 0189", Now.AddMinutes(1), Guid.NewGuid()));
        Assert.Equal("FR14 •••• •••• 2606", kept.MaskedIban);
        kept.Keep(new TrainingProviderIbanChanged(Guid.NewGuid(), "44306184100047", "FR76 •••• •••• 0189", Now.AddMinutes(4), Guid.NewGuid()));
        Assert.Equal(("FR76 •••• •••• 0189", Now.AddMinutes(4)), (kept.MaskedIban, kept.ChangedAt));
    }

    [Fact]
    public void A_payment_reduces_the_commitment_and_the_balance_never_what_is_available_and_a_release_gives_back_only_what_is_unpaid()
    {
        var account = FundingAccount.Open(FundingKind.CompanyAccount, "732829320", "Plan obligatoire", null, Now);
        var credit = LedgerEntry.Credit(account, 1000m, LedgerCause.Allocation, "Dotation", Administrator.UserId, Now).Entry!;
        var commitment = AccountFigures.Of([(credit.Kind, credit.Amount)]).Commit(account, LedgerCause.Dossier, Guid.NewGuid(), "732829320", 42, 350m, false, Now)!;
        var payment = LedgerEntry.PaymentOf(commitment, 180m, "Dossier n° 42 / facture n° F-1", Administrator.UserId, Now);
        var lines = new[] { credit, commitment, payment };

        var figures = AccountFigures.Of(lines.Select(l => (l.Kind, l.Amount)));
        Assert.Equal((650m, 170m, 820m), (figures.AvailableForCommitment, figures.OpenCommitments, figures.AvailableForPayment));
        Assert.Equal(170m, LedgerEntry.OpenOf(commitment, lines));
        var release = LedgerEntry.ReleaseOf(commitment, lines, "Dossier n° 42 soldé", Now)!;
        Assert.Equal(170m, release.Amount);
        Assert.Equal((820m, 0m, 820m), (AccountFigures.Of(lines.Append(release).Select(l => (l.Kind, l.Amount))) is var after
            ? (after.AvailableForCommitment, after.OpenCommitments, after.AvailableForPayment) : default));
    }

    [Fact]
    public void A_dossier_is_settled_by_an_administrator_only_once_realised_with_its_invoices_decided_and_a_reason()
    {
        var dossier = Dossier();
        Assert.Equal("Le dossier n° 42 n'est pas réalisé : son certificat de réalisation n'a pas été déposé.",
            dossier.CheckSettlement("Fin", 0).ToDictionary()["status"].Single());
        dossier.Complete(Now);
        Assert.False(dossier.CheckSettlement("Fin", 1).IsEmpty);
        Assert.Equal("Le motif est obligatoire pour solder un dossier.", dossier.CheckSettlement(" ", 0).ToDictionary()["reason"].Single());
        Assert.True(dossier.CheckSettlement("Formation terminée", 0).IsEmpty);
        dossier.Settle(Now);
        Assert.Equal("Le dossier n° 42 est déjà soldé.", dossier.CheckSettlement("Encore", 0).ToDictionary()["status"].Single());
    }

    [Fact]
    public void A_cancelled_or_settled_dossier_receives_no_invoice()
    {
        var cancelled = Dossier();
        Assert.Empty(Refusals(cancelled, Form()));
        cancelled.Cancel(Now);
        Assert.Equal("Le dossier n° 42 est annulé : il ne reçoit pas de facture.", Refusals(cancelled, Form())["dossierId"].Single());
        var settled = Dossier();
        settled.Settle(Now);
        Assert.Equal("Le dossier n° 42 est soldé : il ne reçoit plus de facture.", Refusals(settled, Form())["dossierId"].Single());
    }

    [Fact]
    public void A_payment_settles_the_dossier_only_when_nothing_is_left_open_and_no_other_invoice_waits()
    {
        Assert.True(FundedDossier.SettlesWhenPaid(0m, 0));
        Assert.False(FundedDossier.SettlesWhenPaid(0.01m, 0));
        Assert.False(FundedDossier.SettlesWhenPaid(0m, 1));
    }

    [Fact]
    public void Whoever_took_the_invoice_to_check_it_never_pays_it_even_when_another_approved_it()
    {
        var dossier = Dossier();
        dossier.Complete(Now);
        var invoice = Submitted(dossier);
        var taker = new InvoiceActorRef(Guid.NewGuid(), "Luc Contrôle");
        Assert.True(invoice.StartCheck(taker, Now).IsEmpty);
        Assert.True(invoice.Approve(Advisor, Now).IsEmpty);
        Assert.False(invoice.Pay(dossier, Today, 180m, 350m, taker, Today, Now).Errors.IsEmpty);
        Assert.Equal(InvoiceStatus.ApprovedForPayment, invoice.Status);
        Assert.True(invoice.Pay(dossier, Today, 180m, 350m, Administrator, Today, Now).Errors.IsEmpty);
    }
}
