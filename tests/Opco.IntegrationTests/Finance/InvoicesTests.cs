using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.Contracts.Dossier;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Finance;

/// <summary>
/// Invoices and payments through the gateway on the real services and broker: a dossier accepted → its commitment → its invoices
/// deposited, checked and paid → « Soldé », with the account's figures at each step; who sees which invoice; an administrator
/// settling a realised dossier, its unpaid rest released.
/// </summary>
public sealed class InvoicesTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_dossier_accepted_is_invoiced_checked_paid_in_full_and_settled_with_the_figures_right_at_each_step()
    {
        var company = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var reporting = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var otherReporting = await World.UserAsync(other.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 5000m);
        var (id, number) = await World.AcceptedDossierAsync(company, manager, administrator, granted: 350m, realised: false);
        await Figures(administrator, company.Siren, available: 4650m, provisioned: 350m, forPayment: 5000m);

        // The dossier can be invoiced by the establishment's Reporting holders only.
        await Eventually.HoldsAsync(async () => (await Json(await reporting.GetAsync("/api/finance/invoices/dossiers"))).EnumerateArray()
            .Any(d => d.GetProperty("id").GetGuid() == id), Delivery, "finance knows the granted dossier and the user's rights");
        Assert.DoesNotContain((await Json(await otherReporting.GetAsync("/api/finance/invoices/dossiers"))).EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.Empty((await Json(await manager.GetAsync("/api/finance/invoices/dossiers"))).EnumerateArray());

        // Bad input: French messages on the fields, nothing stored.
        var bad = await Json(await SubmitInvoiceAsync(reporting, id, "F-1", hours: "20", exclTax: "150", vat: "30", inclTax: "190", iban: "FR76 3000 6000 0112 3456 7890 188"),
            HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Equal("Les heures réalisées (20 h) dépassent les heures accordées restant à facturer (14 h sur 14 h).", errors.GetProperty("hoursDone")[0].GetString());
        Assert.Equal("Le montant TTC doit être égal au HT plus la TVA (180,00 €).", errors.GetProperty("amountInclTax")[0].GetString());
        Assert.Equal("Cet IBAN n'est pas valide : vérifiez sa saisie.", errors.GetProperty("iban")[0].GetString());
        var notAnInvoice = await Json(await SubmitInvoiceAsync(reporting, id, "F-1", file: "<html>facture</html>"u8.ToArray()), HttpStatusCode.BadRequest);
        Assert.Equal("Le fichier doit être un PDF, une image JPEG ou une image PNG.", notAnInvoice.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitInvoiceAsync(otherReporting, id, "F-1")).StatusCode);
        Assert.Equal(0, await World.CountAsync("financedb", "SELECT count(*) FROM invoices WHERE \"DossierId\" = @p", id));

        // The first invoice: 7 h, 180 € TTC, with the company's account to reimburse; never shown in clear.
        var firstResponse = await SubmitInvoiceAsync(reporting, id, "F-1", hours: "7", exclTax: "150", vat: "30", inclTax: "180,00");
        var firstBody = await firstResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain("30006000011234567890189", firstBody);
        var first = await Json(firstResponse, HttpStatusCode.Created);
        Assert.Equal(("Reçue", "FR76 •••• •••• 0189", "Entreprise (remboursement)"),
            (first.GetProperty("statusLabel").GetString(), first.GetProperty("maskedIban").GetString(), first.GetProperty("issuerLabel").GetString()));
        var firstId = first.GetProperty("id").GetGuid();
        Assert.Equal("La facture n° F-1 de cet émetteur a déjà été déposée.",
            (await Json(await SubmitInvoiceAsync(reporting, id, "F-1", hours: "1", exclTax: "10", vat: "0", inclTax: "10"), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("number")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await otherReporting.GetAsync($"/api/finance/invoices/{firstId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/finance/invoices/{firstId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReporting.GetAsync($"/api/finance/invoices/{firstId}/file")).StatusCode);
        Assert.Equal(Pdf, await (await reporting.GetAsync($"/api/finance/invoices/{firstId}/file")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain((await Json(await otherReporting.GetAsync("/api/finance/invoices"))).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("id").GetGuid() == firstId);
        Assert.Contains((await Json(await reporting.GetAsync($"/api/finance/invoices?status=Received&siret={company.Siret}"))).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("id").GetGuid() == firstId);

        // The advisor checks it; the company and the advisor cannot pay; the administrator cannot before the certificat de réalisation.
        Assert.Equal(HttpStatusCode.Forbidden, (await reporting.PostAsync($"/api/finance/advisor/invoices/{firstId}/check", null)).StatusCode);
        Assert.Equal("En contrôle", (await Json(await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{firstId}/check", null))).GetProperty("statusLabel").GetString());
        Assert.Equal("Bon à payer", (await Json(await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{firstId}/approve", null))).GetProperty("statusLabel").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await company.Advisor.PostAsJsonAsync($"/api/finance/admin/invoices/{firstId}/payment",
            new { paidOn = Day(Today), amount = 180m })).StatusCode);
        var early = await Json(await administrator.PostAsJsonAsync($"/api/finance/admin/invoices/{firstId}/payment", new { paidOn = Day(Today), amount = 180m }),
            HttpStatusCode.Conflict);
        Assert.Equal($"Le certificat de réalisation du dossier n° {number} n'a pas été déposé : la facture ne peut pas être réglée.",
            early.GetProperty("errors").GetProperty("status")[0].GetString());

        await World.RealiseAsync(company, manager, id);
        var tooMuch = await Json(await administrator.PostAsJsonAsync($"/api/finance/admin/invoices/{firstId}/payment", new { paidOn = Day(Today), amount = 200m }),
            HttpStatusCode.BadRequest);
        Assert.Equal("Le règlement ne peut pas dépasser le montant TTC de la facture (180,00 €).", tooMuch.GetProperty("errors").GetProperty("amount")[0].GetString());
        var paid = await Json(await administrator.PostAsJsonAsync($"/api/finance/admin/invoices/{firstId}/payment", new { paidOn = Day(Today), amount = 180m }));
        var payment = paid.GetProperty("payment");
        Assert.Equal(("Payée", 180m, "FR76 •••• •••• 0189", $"Dossier n° {number} / facture n° F-1"),
            (paid.GetProperty("statusLabel").GetString(), payment.GetProperty("amount").GetDecimal(), payment.GetProperty("payeeMaskedIban").GetString(),
                payment.GetProperty("reference").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await administrator.PostAsJsonAsync($"/api/finance/admin/invoices/{firstId}/payment",
            new { paidOn = Day(Today), amount = 180m })).StatusCode);
        // A payment reduces the commitment and the balance, never what is available for commitment.
        await Figures(administrator, company.Siren, available: 4650m, provisioned: 170m, forPayment: 4820m);
        var notice = await reporting.GetAsync($"/api/finance/invoices/{firstId}/payment-notice");
        Assert.Equal("application/pdf", notice.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await notice.Content.ReadAsByteArrayAsync())[..5]);
        Assert.Equal("Completed", (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("status").GetString());

        // The second invoice pays what the commitment still holds: the dossier is settled.
        var hoursLeft = await Json(await SubmitInvoiceAsync(reporting, id, "F-2", hours: "8", exclTax: "141,67", vat: "28,33", inclTax: "170"), HttpStatusCode.BadRequest);
        Assert.Equal("Les heures réalisées (8 h) dépassent les heures accordées restant à facturer (7 h sur 14 h).",
            hoursLeft.GetProperty("errors").GetProperty("hoursDone")[0].GetString());
        var secondId = (await Json(await SubmitInvoiceAsync(reporting, id, "F-2", hours: "7", exclTax: "141,67", vat: "28,33", inclTax: "170"), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Json(await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{secondId}/check", null));
        await Json(await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{secondId}/approve", null));
        await Json(await administrator.PostAsJsonAsync($"/api/finance/admin/invoices/{secondId}/payment", new { paidOn = Day(Today), amount = 170m }));
        await Figures(administrator, company.Siren, available: 4650m, provisioned: 0m, forPayment: 4650m);
        await Eventually.HoldsAsync(async () => (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("status").GetString() == "Settled",
            Delivery, "the dossier paid in full is « Soldé »");
        var lines = (await Json(await reporting.GetAsync($"/api/finance/accounts/{company.Siren}/plan-obligatoire?kind=Payment")))
            .GetProperty("lines").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([(-170m, $"Dossier n° {number} / facture n° F-2"), (-180m, $"Dossier n° {number} / facture n° F-1")],
            lines.Select(l => (l.GetProperty("amount").GetDecimal(), l.GetProperty("reference").GetString())));

        // The Reporting holder is told of each payment; the user following only the dossiers is not.
        await Eventually.HoldsAsync(async () => (await Json(await reporting.GetAsync("/api/notification/me/notifications"))).GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("title").GetString() is "Règlement de la facture n° F-1" or "Règlement de la facture n° F-2") == 2,
            Delivery, "the Reporting holder is notified of both payments");
        Assert.DoesNotContain((await Json(await manager.GetAsync("/api/notification/me/notifications"))).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("title").GetString()!.StartsWith("Règlement", StringComparison.Ordinal));

        // A settled dossier receives no invoice; the grant delivered again changes nothing.
        Assert.Equal($"Le dossier n° {number} est soldé : il ne reçoit plus de facture.",
            (await Json(await SubmitInvoiceAsync(reporting, id, "F-3", hours: "1", exclTax: "10", vat: "0", inclTax: "10"), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("dossierId")[0].GetString());
        var again = Guid.NewGuid();
        await World.Onboarding.Broker.PublishAsync(new DossierFundingGranted(id, number, company.Siret, "Plan", "Autre", 9999m, 99m, Today, Today, true, null, null,
            null, DateTimeOffset.UtcNow), again);
        await Eventually.HoldsAsync(async () => await World.CountAsync("financedb", "SELECT count(*) FROM inbox_messages WHERE message_id = @p", again) == 1,
            Delivery, "finance received the grant again");
        Assert.Equal(350m, await World.ScalarAsync<decimal>("financedb", "SELECT \"GrantedAmount\" FROM funded_dossiers WHERE \"Id\" = @p", id));
    }

    [Fact]
    public async Task An_administrator_settles_a_realised_dossier_once_its_invoices_are_decided_releasing_the_unpaid_rest()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var reporting = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 1000m);
        var (id, number) = await World.AcceptedDossierAsync(company, manager, administrator, granted: 300m, realised: true);
        await Eventually.HoldsAsync(async () => (await Json(await reporting.GetAsync("/api/finance/invoices/dossiers"))).EnumerateArray()
            .Any(d => d.GetProperty("id").GetGuid() == id && d.GetProperty("certificateReceived").GetBoolean()), Delivery, "finance knows the realised dossier");

        var invoiceId = (await Json(await SubmitInvoiceAsync(reporting, id, $"R-{number}", hours: "14", exclTax: "100", vat: "20", inclTax: "120"), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var pending = await Json(await administrator.PostAsJsonAsync($"/api/finance/admin/dossiers/{id}/settle", new { reason = "Formation réalisée en partie" }),
            HttpStatusCode.Conflict);
        Assert.Equal($"Le dossier n° {number} a 1 facture(s) à contrôler ou à payer : décidez-les avant de le solder.",
            pending.GetProperty("errors").GetProperty("status")[0].GetString());
        await Json(await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{invoiceId}/check", null));
        Assert.Equal("Le motif du rejet est obligatoire.", (await Json(await company.Advisor.PostAsJsonAsync($"/api/finance/advisor/invoices/{invoiceId}/reject",
            new { reason = " " }), HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("reason")[0].GetString());
        var rejected = await Json(await company.Advisor.PostAsJsonAsync($"/api/finance/advisor/invoices/{invoiceId}/reject", new { reason = "Facture non acquittée" }));
        Assert.Equal(("Rejetée", "Facture non acquittée"), (rejected.GetProperty("statusLabel").GetString(), rejected.GetProperty("rejectionReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{invoiceId}/approve", null)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await administrator.PostAsJsonAsync($"/api/finance/admin/dossiers/{id}/settle", new { reason = "" })).StatusCode);
        var settled = await Json(await administrator.PostAsJsonAsync($"/api/finance/admin/dossiers/{id}/settle", new { reason = "Formation non facturée" }));
        Assert.Equal(300m, settled.GetProperty("released").GetDecimal());
        await Figures(administrator, company.Siren, available: 1000m, provisioned: 0m, forPayment: 1000m);
        Assert.Equal(HttpStatusCode.Conflict, (await administrator.PostAsJsonAsync($"/api/finance/admin/dossiers/{id}/settle", new { reason = "Encore" })).StatusCode);
        await Eventually.HoldsAsync(async () => (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("status").GetString() == "Settled",
            Delivery, "the dossier closed by the administrator is « Soldé »");
    }

    [Fact]
    public async Task Deposits_and_payments_racing_on_one_dossier_are_decided_one_after_the_other()
    {
        var company = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var reporting = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var otherReporting = await World.UserAsync(other.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 1000m);
        var (id, _) = await World.AcceptedDossierAsync(company, manager, administrator, granted: 300m, realised: true);
        await Eventually.HoldsAsync(async () => (await Json(await reporting.GetAsync("/api/finance/invoices/dossiers"))).EnumerateArray()
            .Any(d => d.GetProperty("id").GetGuid() == id), Delivery, "finance lets the user invoice the dossier");

        // Two deposits of 8 h at once on 14 h granted: one is recorded, the other is told what is left.
        var deposits = await Task.WhenAll(SubmitInvoiceAsync(reporting, id, "C-A", hours: "8", exclTax: "200", vat: "0", inclTax: "200"),
            SubmitInvoiceAsync(reporting, id, "C-B", hours: "8", exclTax: "200", vat: "0", inclTax: "200"));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.BadRequest], deposits.Select(d => d.StatusCode).Order());
        var refusedDeposit = await Json(deposits.Single(d => d.StatusCode == HttpStatusCode.BadRequest), HttpStatusCode.BadRequest);
        Assert.Equal("Les heures réalisées (8 h) dépassent les heures accordées restant à facturer (6 h sur 14 h).",
            refusedDeposit.GetProperty("errors").GetProperty("hoursDone")[0].GetString());
        var first = (await Json(deposits.Single(d => d.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var second = (await Json(await SubmitInvoiceAsync(reporting, id, "C-C", hours: "6", exclTax: "200", vat: "0", inclTax: "200"), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        foreach (var invoice in new[] { first, second })
        {
            await Json(await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{invoice}/check", null));
            await Json(await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{invoice}/approve", null));
        }

        // Two payments of 200 € at once on 300 € committed: one is paid, the other is told what the commitment still holds.
        var payments = await Task.WhenAll(new[] { first, second }.Select(invoice =>
            administrator.PostAsJsonAsync($"/api/finance/admin/invoices/{invoice}/payment", new { paidOn = Day(Today), amount = 200m })));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], payments.Select(p => p.StatusCode).Order());
        Assert.Equal("Le règlement dépasse ce que l'engagement du dossier n° " + (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}")))
                .GetProperty("number").GetInt64() + " peut encore payer (100,00 €).",
            (await Json(payments.Single(p => p.StatusCode == HttpStatusCode.BadRequest), HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("amount")[0].GetString());
        var figures = await FiguresAsync(administrator, company.Siren);
        Assert.Equal((100m, 800m), (figures.GetProperty("openCommitments").GetDecimal(), figures.GetProperty("availableForPayment").GetDecimal()));
        Assert.Equal(1, await World.CountAsync("financedb", "SELECT count(*) FROM invoice_payments WHERE \"DossierId\" = @p", id));

        // The paid invoice's « avis de règlement » exists for its company only.
        var paid = payments[0].StatusCode == HttpStatusCode.OK ? first : second;
        Assert.Equal(HttpStatusCode.OK, (await reporting.GetAsync($"/api/finance/invoices/{paid}/payment-notice")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReporting.GetAsync($"/api/finance/invoices/{paid}/payment-notice")).StatusCode);
    }

    [Fact]
    public async Task A_subrogated_invoice_blocked_for_want_of_the_providers_iban_is_paid_once_an_administrator_records_it()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var reporting = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 1000m);
        var (id, number) = await World.AcceptedDossierAsync(company, manager, administrator, granted: 350m, realised: true, directPayment: true);
        var providerSiret = (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("provider").GetProperty("siret").GetString()!;
        var invoiceId = (await Json(await SubmitInvoiceAsync(reporting, id, "OF-1", iban: ""), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{invoiceId}/check", null));
        await Json(await company.Advisor.PostAsync($"/api/finance/advisor/invoices/{invoiceId}/approve", null));
        var blocked = await Json(await administrator.PostAsJsonAsync($"/api/finance/admin/invoices/{invoiceId}/payment", new { paidOn = Day(Today), amount = 180m }),
            HttpStatusCode.Conflict);
        Assert.StartsWith("L'organisme de formation n'a pas d'IBAN enregistré", blocked.GetProperty("errors").GetProperty("status")[0].GetString());

        // Only an OPCO administrator records it; a wrong one is refused in French, an unknown provider is not found.
        var ibanUrl = $"/api/dossier/admin/training-providers/{providerSiret}/iban";
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync(ibanUrl, new { iban = "FR14 2004 1010 0505 0001 3M02 606" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.Advisor.PutAsJsonAsync(ibanUrl, new { iban = "FR14 2004 1010 0505 0001 3M02 606" })).StatusCode);
        Assert.Equal("Cet IBAN n'est pas valide : vérifiez sa saisie.",
            (await Json(await administrator.PutAsJsonAsync(ibanUrl, new { iban = "FR14 2004 1010 0505 0001 3M02 607" }), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("iban")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound,
            (await administrator.PutAsJsonAsync("/api/dossier/admin/training-providers/00000000000000/iban", new { iban = "FR14 2004 1010 0505 0001 3M02 606" })).StatusCode);
        Assert.Equal(0, await World.CountAsync("dossierdb", "SELECT count(*) FROM training_providers WHERE \"Siret\" = @p AND \"MaskedIban\" IS NOT NULL", providerSiret));

        var recorded = await administrator.PutAsJsonAsync(ibanUrl, new { iban = "FR14 2004 1010 0505 0001 3M02 606" });
        var recordedBody = await recorded.Content.ReadAsStringAsync();
        Assert.DoesNotContain("3M02", recordedBody);
        Assert.DoesNotContain("20041010", recordedBody.Replace(" ", ""));
        Assert.Equal("FR14 •••• •••• 2606", (await Json(recorded)).GetProperty("maskedIban").GetString());
        Assert.Equal("FR14 •••• •••• 2606", (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("provider").GetProperty("maskedIban").GetString());

        // Finance learns it through the broker; the payment then goes to the provider's new account, recorded by another administrator.
        await Eventually.HoldsAsync(async () => (await Json(await administrator.GetAsync($"/api/finance/admin/invoices/{invoiceId}")))
            .GetProperty("dossier").GetProperty("providerMaskedIban").GetString() == "FR14 •••• •••• 2606", Delivery, "finance knows the provider's IBAN");
        Assert.Equal("Vous avez enregistré l'IBAN de l'organisme de formation : le règlement doit être enregistré par une autre personne.",
            (await Json(await administrator.PostAsJsonAsync($"/api/finance/admin/invoices/{invoiceId}/payment", new { paidOn = Day(Today), amount = 180m }),
                HttpStatusCode.Conflict)).GetProperty("errors").GetProperty("status")[0].GetString());
        var treasurer = await World.AdministratorAsync();
        var paid = await Json(await treasurer.PostAsJsonAsync($"/api/finance/admin/invoices/{invoiceId}/payment", new { paidOn = Day(Today), amount = 180m }));
        Assert.Equal(("Payée", "Institut Avenir Formation", "FR14 •••• •••• 2606", $"Dossier n° {number} / facture n° OF-1"),
            (paid.GetProperty("statusLabel").GetString(), paid.GetProperty("payment").GetProperty("payeeName").GetString(),
                paid.GetProperty("payment").GetProperty("payeeMaskedIban").GetString(), paid.GetProperty("payment").GetProperty("reference").GetString()));
    }

    [Fact]
    public async Task A_dossier_cancelled_after_its_acceptance_receives_no_invoice_and_a_completion_arriving_before_its_grant_is_kept()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var reporting = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 1000m);
        var (id, number) = await World.AcceptedDossierAsync(company, manager, administrator, granted: 300m, realised: false, pastDates: false);
        await Eventually.HoldsAsync(async () => (await Json(await reporting.GetAsync("/api/finance/invoices/dossiers"))).EnumerateArray()
            .Any(d => d.GetProperty("id").GetGuid() == id), Delivery, "finance lets the user invoice the dossier");
        await Json(await manager.PostAsJsonAsync($"{Dossiers(company.Siret)}/{id}/cancellation", new { reason = "Formation reportée" }));
        await Eventually.HoldsAsync(async () => !(await Json(await reporting.GetAsync("/api/finance/invoices/dossiers"))).EnumerateArray()
            .Any(d => d.GetProperty("id").GetGuid() == id), Delivery, "finance knows the dossier is cancelled");
        Assert.Equal($"Le dossier n° {number} est annulé : il ne reçoit pas de facture.",
            (await Json(await SubmitInvoiceAsync(reporting, id, "X-1"), HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("dossierId")[0].GetString());
        await Figures(administrator, company.Siren, available: 1000m, provisioned: 0m, forPayment: 1000m);

        // A dossier's « Réalisé » delivered before its grant: kept, and the grant starts completed (and a control grant without one does not).
        var early = Guid.NewGuid();
        var control = Guid.NewGuid();
        await World.Onboarding.Broker.PublishAsync(new DossierStatusChanged(early, 90001, company.Siret, "Avance", "Accepted", "Completed", null,
            DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await World.CountAsync("financedb", "SELECT count(*) FROM early_dossier_completions WHERE \"DossierId\" = @p",
            early) == 1, Delivery, "finance keeps the early completion");
        foreach (var (dossier, dossierNumber) in new[] { (early, 90001L), (control, 90002L) })
            await World.Onboarding.Broker.PublishAsync(new DossierFundingGranted(dossier, dossierNumber, company.Siret, "Plan", "Avance", 100m, 7m, Today, Today,
                false, null, null, null, DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await World.CountAsync("financedb", "SELECT count(*) FROM funded_dossiers WHERE \"Id\" = ANY(@p)",
            new[] { early, control }) == 2, Delivery, "finance keeps both grants");
        Assert.Equal(1, await World.CountAsync("financedb", "SELECT count(*) FROM funded_dossiers WHERE \"Id\" = ANY(@p) AND \"CompletedAt\" IS NOT NULL",
            new[] { early, control }));
        Assert.Equal(1, await World.CountAsync("financedb", "SELECT count(*) FROM funded_dossiers WHERE \"Id\" = @p AND \"CompletedAt\" IS NOT NULL", early));
        Assert.Equal(0, await World.CountAsync("financedb", "SELECT count(*) FROM early_dossier_completions WHERE \"DossierId\" = @p", early));
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task Figures(HttpClient administrator, string siren, decimal available, decimal provisioned, decimal forPayment)
    {
        var figures = await FiguresAsync(administrator, siren);
        Assert.Equal((available, provisioned, forPayment), (figures.GetProperty("availableForCommitment").GetDecimal(),
            figures.GetProperty("openCommitments").GetDecimal(), figures.GetProperty("availableForPayment").GetDecimal()));
    }
}
