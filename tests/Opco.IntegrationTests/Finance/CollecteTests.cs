using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Finance;

/// <summary>
/// The collecte through the gateway on the real finance service: SEPA mandates (who may touch them, a wrong IBAN, the IBAN
/// never answered in clear), a voluntary payment by SEPA refused without an active mandate, cash recorded twice crediting the
/// account once, a declared contribution's amount, and the contribution call reaching the company's declarers.
/// </summary>
public sealed partial class CollecteTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Iban = "FR7630006000011234567890189";
    private const string OtherIban = "FR1420041010050500013M02606";
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    private static string Mandates(string siret) => $"/api/finance/establishments/{siret}/mandates";
    private static string Calls(string siret) => $"/api/finance/establishments/{siret}/voluntary-contributions";
    private static string Contributions(string siret) => $"/api/finance/establishments/{siret}/contributions";

    /// <summary>A user of the establishment once finance knows their rights there.</summary>
    private async Task<HttpClient> FinanceUserAsync(string siret, params Habilitation[] held)
    {
        var user = await World.UserAsync(siret, held);
        await Eventually.HoldsAsync(async () => (await user.GetAsync($"/api/finance/establishments/{siret}/permissions")).StatusCode == HttpStatusCode.OK,
            DossierWorld.Delivery, "finance knows the user's rights");
        return user;
    }

    private static async Task<JsonElement> CreateMandateAsync(HttpClient user, string siret, string iban = Iban) =>
        await DossierWorld.Json(await user.PostAsJsonAsync(Mandates(siret), new
        {
            iban = iban.Insert(4, " ").Insert(9, " ").ToLowerInvariant(), bic = "BNPAFRPPXXX", debtorName = "Atelier Démo SAS",
        }), HttpStatusCode.Created);

    [Fact]
    public async Task Only_a_holder_of_collecte_versements_manages_the_company_s_mandates_and_the_iban_is_never_answered_in_clear()
    {
        var company = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var collecte = await FinanceUserAsync(company.Siret, Habilitation.CollecteVersements);
        var reporting = await FinanceUserAsync(company.Siret, Habilitation.Reporting);
        var stranger = await FinanceUserAsync(other.Siret, Habilitation.Gestionnaire);
        var administrator = await World.AdministratorAsync();

        var bad = await DossierWorld.Json(await collecte.PostAsJsonAsync(Mandates(company.Siret), new
        {
            iban = "FR7630006000011234567890188", bic = "BNPAFR", debtorName = "Atelier Démo SAS",
        }), HttpStatusCode.BadRequest);
        Assert.Equal("Cet IBAN n'est pas valide : vérifiez sa saisie.", bad.GetProperty("errors").GetProperty("iban")[0].GetString());
        Assert.Equal("Le BIC comporte 8 ou 11 caractères.", bad.GetProperty("errors").GetProperty("bic")[0].GetString());

        var created = await CreateMandateAsync(collecte, company.Siret);
        var id = created.GetProperty("id").GetGuid();
        var detailUrl = $"{Mandates(company.Siret)}/{id}";
        Assert.Matches(Rum(), created.GetProperty("reference").GetString()!);
        Assert.Equal(("FR76 •••• •••• 0189", "Brouillon", "SEPA B2B (interentreprises)"), (created.GetProperty("maskedIban").GetString(),
            created.GetProperty("statusLabel").GetString(), created.GetProperty("schemeLabel").GetString()));
        var second = await CreateMandateAsync(collecte, company.Siret, OtherIban);
        Assert.NotEqual(created.GetProperty("reference").GetString(), second.GetProperty("reference").GetString());

        // Without « Gérer les mandats de prélèvement » here: 403; holding nothing on the establishment: 404; another company's mandate: 404.
        Assert.Equal(HttpStatusCode.Forbidden, (await reporting.GetAsync(Mandates(company.Siret))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporting.PostAsync($"{detailUrl}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(detailUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Mandates(other.Siret)}/{id}")).StatusCode);
        Assert.Empty((await DossierWorld.Json(await stranger.GetAsync(Mandates(other.Siret)))).EnumerateArray());

        var signed = await DossierWorld.Json(await collecte.PostAsJsonAsync($"{detailUrl}/sign", new { signatory = "Claire Martin", signedOn = Today() }));
        Assert.Equal("Signé", signed.GetProperty("statusLabel").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await collecte.PostAsync($"/api/finance/admin/mandates/{id}/activate", null)).StatusCode);
        var active = await DossierWorld.Json(await administrator.PostAsync($"/api/finance/admin/mandates/{id}/activate", null));
        Assert.Equal("Actif", active.GetProperty("statusLabel").GetString());
        var amended = await DossierWorld.Json(await collecte.PutAsJsonAsync($"{detailUrl}/iban", new { iban = OtherIban, bic = "PSSTFRPPPAR" }));
        Assert.Equal((created.GetProperty("reference").GetString(), "FR14 •••• •••• 2606", "Actif"), (amended.GetProperty("reference").GetString(),
            amended.GetProperty("maskedIban").GetString(), amended.GetProperty("statusLabel").GetString()));
        Assert.Equal("IBAN modifié (auparavant FR76 •••• •••• 0189)", amended.GetProperty("history").EnumerateArray().Last().GetProperty("what").GetString());
        var pdf = await collecte.GetAsync($"{detailUrl}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync()));

        // No answer carries an IBAN in clear, nor does the database or finance's outbox.
        var answers = new List<string>
        {
            created.ToString(), second.ToString(), signed.ToString(), active.ToString(), amended.ToString(),
            await collecte.GetStringAsync(Mandates(company.Siret)), await collecte.GetStringAsync(detailUrl),
            await administrator.GetStringAsync("/api/finance/admin/mandates?status=Active"),
            System.Text.Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync()),
        };
        foreach (var answer in answers)
        {
            Assert.DoesNotContain("30006000011234567890", answer);
            Assert.DoesNotContain("20041010050500013", answer);
        }
        Assert.Equal(0L, await World.CountAsync("financedb", """
            SELECT count(*) FROM direct_debit_mandates WHERE "Siren" = @p
            AND (position('30006000011234567890'::bytea in "EncryptedIban") > 0 OR position('20041010050500013'::bytea in "EncryptedIban") > 0)
            """, company.Siren));
        Assert.Equal(0L, await World.CountAsync("financedb",
            "SELECT count(*) FROM outbox_messages WHERE body::text LIKE '%' || @p || '%'", "30006000011234567890"));

        var revoked = await DossierWorld.Json(await collecte.PostAsync($"{detailUrl}/revoke", null));
        Assert.Equal("Révoqué", revoked.GetProperty("statusLabel").GetString());
        var tooLate = await DossierWorld.Json(await collecte.PutAsJsonAsync($"{detailUrl}/iban", new { iban = Iban, bic = "BNPAFRPP" }), HttpStatusCode.Conflict);
        Assert.True(tooLate.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task A_sepa_payment_needs_an_active_mandate_and_cash_recorded_twice_credits_the_account_once()
    {
        var company = await World.CompanyAsync();
        var collecte = await FinanceUserAsync(company.Siret, Habilitation.CollecteVersements);
        var administrator = await World.AdministratorAsync();
        var firstDue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

        var refused = await DossierWorld.Json(await collecte.PostAsJsonAsync(Calls(company.Siret), new
        {
            accountCode = "versement-volontaire", amount = 900m, instalments = 3, method = "DirectDebit", firstDueOn = Day(firstDue),
        }), HttpStatusCode.BadRequest);
        Assert.StartsWith("Un prélèvement SEPA demande un mandat actif", refused.GetProperty("errors").GetProperty("method")[0].GetString());
        // A signed mandate not yet activated by the OPCO is not enough either.
        var mandate = (await CreateMandateAsync(collecte, company.Siret)).GetProperty("id").GetGuid();
        await DossierWorld.Json(await collecte.PostAsJsonAsync($"{Mandates(company.Siret)}/{mandate}/sign", new { signatory = "Claire Martin", signedOn = Today() }));
        Assert.Equal(HttpStatusCode.BadRequest, (await collecte.PostAsJsonAsync(Calls(company.Siret), new
        {
            accountCode = "versement-volontaire", amount = 900m, instalments = 3, method = "DirectDebit", firstDueOn = Day(firstDue),
        })).StatusCode);
        await DossierWorld.Json(await administrator.PostAsync($"/api/finance/admin/mandates/{mandate}/activate", null));

        var call = await DossierWorld.Json(await collecte.PostAsJsonAsync(Calls(company.Siret), new
        {
            accountCode = "versement-volontaire", amount = 1000m, instalments = 3, method = "DirectDebit", firstDueOn = Day(firstDue),
        }), HttpStatusCode.Created);
        Assert.Matches(@"^AF-\d{4}-\d{6}$", call.GetProperty("reference").GetString()!);
        var instalments = call.GetProperty("instalments").EnumerateArray().ToList();
        Assert.Equal([333.34m, 333.33m, 333.33m], instalments.Select(i => i.GetProperty("amount").GetDecimal()));
        Assert.Equal([Day(firstDue), Day(firstDue.AddMonths(1)), Day(firstDue.AddMonths(2))], instalments.Select(i => i.GetProperty("dueOn").GetString()));
        var pdf = await collecte.GetAsync($"{Calls(company.Siret)}/{call.GetProperty("id").GetGuid()}/call-for-funds");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        var before = (await DossierWorld.FiguresAsync(administrator, company.Siren, "Versement Volontaire")).GetProperty("availableForCommitment").GetDecimal();
        var cashUrl = $"/api/finance/admin/voluntary-contributions/{call.GetProperty("id").GetGuid()}/instalments/{instalments[0].GetProperty("id").GetGuid()}/cash";
        Assert.Equal(HttpStatusCode.Forbidden, (await collecte.PostAsJsonAsync(cashUrl, new { cashedOn = (string?)null })).StatusCode);
        // Twice at once, then once more: one credit.
        var cashed = await Task.WhenAll(administrator.PostAsJsonAsync(cashUrl, new { cashedOn = Today() }),
            administrator.PostAsJsonAsync(cashUrl, new { cashedOn = Today() }));
        var again = await DossierWorld.Json(await administrator.PostAsJsonAsync(cashUrl, new { cashedOn = Today() }));
        Assert.All(cashed, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.True(again.GetProperty("alreadyRecorded").GetBoolean());

        Assert.Equal(1L, await World.CountAsync("financedb", "SELECT count(*) FROM ledger_entries WHERE \"CauseId\" = @p AND \"Kind\" = 'Credit' AND \"Cause\" = 'CashReceipt'",
            instalments[0].GetProperty("id").GetGuid()));
        var after = (await DossierWorld.FiguresAsync(administrator, company.Siren, "Versement Volontaire")).GetProperty("availableForCommitment").GetDecimal();
        Assert.Equal(before + 333.34m, after);
        Assert.Equal(after, again.GetProperty("availableForCommitment").GetDecimal());
        var mine = await DossierWorld.Json(await collecte.GetAsync(Calls(company.Siret)));
        var listed = Assert.Single(mine.EnumerateArray());
        Assert.Equal(["Encaissé", "Appelé", "Appelé"], listed.GetProperty("instalments").EnumerateArray().Select(i => i.GetProperty("statusLabel").GetString()));
        // The debit collected on the mandate restarts its 36 months.
        var used = await DossierWorld.Json(await collecte.GetAsync($"{Mandates(company.Siret)}/{mandate}"));
        Assert.Equal(Today(), used.GetProperty("lastUsedOn").GetString());
        // Revoked, the mandate takes no more debit: the next instalment is refused cash, nothing credited (the first, above, was).
        await DossierWorld.Json(await collecte.PostAsync($"{Mandates(company.Siret)}/{mandate}/revoke", null));
        var secondCash = $"/api/finance/admin/voluntary-contributions/{call.GetProperty("id").GetGuid()}/instalments/{instalments[1].GetProperty("id").GetGuid()}/cash";
        var onRevoked = await DossierWorld.Json(await administrator.PostAsJsonAsync(secondCash, new { cashedOn = Today() }), HttpStatusCode.BadRequest);
        Assert.Matches("^Le mandat OPCO-RUM-\\d{10} est « Révoqué » : aucun prélèvement ne peut être encaissé sur lui\\.$",
            onRevoked.GetProperty("errors").GetProperty("mandate")[0].GetString()!);
        Assert.Equal(0L, await World.CountAsync("financedb", "SELECT count(*) FROM ledger_entries WHERE \"CauseId\" = @p", instalments[1].GetProperty("id").GetGuid()));
        Assert.Equal(after, (await DossierWorld.FiguresAsync(administrator, company.Siren, "Versement Volontaire")).GetProperty("availableForCommitment").GetDecimal());

        // By transfer no mandate is needed.
        var transfer = await DossierWorld.Json(await collecte.PostAsJsonAsync(Calls(company.Siret), new
        {
            accountCode = "plan-obligatoire", amount = 250.50m, method = "Transfer",
        }), HttpStatusCode.Created);
        Assert.Equal(("Virement", 1), (transfer.GetProperty("methodLabel").GetString(), transfer.GetProperty("instalments").GetArrayLength()));
    }

    [Fact]
    public async Task A_declared_contribution_is_the_band_s_rate_times_the_payroll_due_by_1_march_once_per_year_and_paid_once()
    {
        var company = await World.CompanyAsync();
        var collecte = await FinanceUserAsync(company.Siret, Habilitation.Gestionnaire);
        var dossiersOnly = await FinanceUserAsync(company.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorAsync();
        var year = DateTime.UtcNow.Year;

        var rates = await DossierWorld.Json(await collecte.GetAsync($"{Contributions(company.Siret)}/rates"));
        Assert.Equal(["moins-11", "11-49", "50-299", "300-plus"], rates.EnumerateArray().Select(r => r.GetProperty("bandCode").GetString()));
        var wrong = await DossierWorld.Json(await collecte.PostAsJsonAsync(Contributions(company.Siret), new { year, averageHeadcount = -3m, payroll = 12.345m }),
            HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("averageHeadcount", out _) && wrong.GetProperty("errors").TryGetProperty("payroll", out _));

        var declared = await DossierWorld.Json(await collecte.PostAsJsonAsync(Contributions(company.Siret), new
        {
            year, averageHeadcount = 25m, payroll = 1_234_567.89m, declare = true,
        }), HttpStatusCode.Created);
        // 0,20 % of 1 234 567,89 € = 2 469,14 €, above the band's minimum of 150 €; declared after 1 March, it is late at once.
        var status = string.CompareOrdinal(Today(), $"{year}-03-01") <= 0 ? "Déclarée" : "En retard";
        Assert.Equal(("11-49", 0.0020m, 2469.14m, false, $"{year}-03-01", status), (declared.GetProperty("bandCode").GetString(),
            declared.GetProperty("rate").GetDecimal(), declared.GetProperty("amount").GetDecimal(), declared.GetProperty("minimumApplied").GetBoolean(),
            declared.GetProperty("dueOn").GetString(), declared.GetProperty("statusLabel").GetString()));
        var twice = await DossierWorld.Json(await collecte.PostAsJsonAsync(Contributions(company.Siret), new { year, averageHeadcount = 5m, payroll = 1000m }),
            HttpStatusCode.Conflict);
        Assert.Equal("Une déclaration existe déjà pour cette entreprise et cette année : ouvrez-la dans la liste.",
            twice.GetProperty("errors").GetProperty("year")[0].GetString());
        var small = await DossierWorld.Json(await collecte.PostAsJsonAsync(Contributions(company.Siret), new { year = year - 1, averageHeadcount = 5m, payroll = 20_000m }),
            HttpStatusCode.Created);
        Assert.Equal((50m, true, "Brouillon"), (small.GetProperty("amount").GetDecimal(), small.GetProperty("minimumApplied").GetBoolean(),
            small.GetProperty("statusLabel").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await dossiersOnly.GetAsync(Contributions(company.Siret))).StatusCode);

        var paymentUrl = $"/api/finance/admin/contributions/{declared.GetProperty("id").GetGuid()}/payment";
        var paid = await DossierWorld.Json(await administrator.PostAsJsonAsync(paymentUrl, new { paidOn = Today() }));
        var paidAgain = await DossierWorld.Json(await administrator.PostAsJsonAsync(paymentUrl, new { paidOn = (string?)null }));
        Assert.Equal(("Payée", Today()), (paid.GetProperty("statusLabel").GetString(), paid.GetProperty("paidOn").GetString()));
        Assert.Equal(Today(), paidAgain.GetProperty("paidOn").GetString());
        var list = await DossierWorld.Json(await collecte.GetAsync(Contributions(company.Siret)));
        Assert.Equal([(year, "Payée"), (year - 1, "Brouillon")], list.EnumerateArray().Select(d => (d.GetProperty("year").GetInt32(), d.GetProperty("statusLabel").GetString())));
    }

    [Fact]
    public async Task The_daily_run_lapses_a_mandate_unused_for_36_months_and_leaves_one_used_the_day_after()
    {
        var company = await World.CompanyAsync();
        var collecte = await FinanceUserAsync(company.Siret, Habilitation.CollecteVersements);
        var administrator = await World.AdministratorAsync();
        var unused = (await CreateMandateAsync(collecte, company.Siret)).GetProperty("id").GetGuid();
        var used = (await CreateMandateAsync(collecte, company.Siret, OtherIban)).GetProperty("id").GetGuid();
        foreach (var id in new[] { unused, used })
        {
            await DossierWorld.Json(await collecte.PostAsJsonAsync($"{Mandates(company.Siret)}/{id}/sign", new { signatory = "Claire Martin", signedOn = Today() }));
            await DossierWorld.Json(await administrator.PostAsync($"/api/finance/admin/mandates/{id}/activate", null));
        }
        // Their last debits, as years of use would have left them: 36 months ago today, and the day after.
        var today = DateOnly.Parse(Today());
        await World.ExecuteAsync("financedb", "UPDATE direct_debit_mandates SET \"LastUsedOn\" = @q WHERE \"Id\" = @p", unused, today.AddMonths(-36));
        await World.ExecuteAsync("financedb", "UPDATE direct_debit_mandates SET \"LastUsedOn\" = @q WHERE \"Id\" = @p", used, today.AddMonths(-36).AddDays(1));

        var run = await DossierWorld.Json(await administrator.PostAsync("/api/finance/admin/collecte-daily-run", null));

        Assert.True(run.GetProperty("lapsed").GetInt32() >= 1);
        var lapsed = await DossierWorld.Json(await collecte.GetAsync($"{Mandates(company.Siret)}/{unused}"));
        Assert.Equal("Caduc", lapsed.GetProperty("statusLabel").GetString());
        Assert.StartsWith("Mandat caduc", lapsed.GetProperty("history").EnumerateArray().Last().GetProperty("what").GetString());
        Assert.Equal("Actif", (await DossierWorld.Json(await collecte.GetAsync($"{Mandates(company.Siret)}/{used}"))).GetProperty("statusLabel").GetString());
        // A void mandate pays nothing: a debit needs another, active one.
        await DossierWorld.Json(await collecte.PostAsync($"{Mandates(company.Siret)}/{used}/revoke", null));
        Assert.Equal(HttpStatusCode.BadRequest, (await collecte.PostAsJsonAsync(Calls(company.Siret), new
        {
            accountCode = "versement-volontaire", amount = 100m, method = "DirectDebit",
        })).StatusCode);
    }

    [Fact]
    public async Task Opening_a_contribution_year_notifies_the_company_s_declarers_once_and_nobody_else_there()
    {
        var company = await World.CompanyAsync();
        var declarer = await World.MemberAsync(company.Siret, Habilitation.CollecteVersements);
        var reporting = await World.MemberAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        // The company is known to finance, and both users to the notification service, before the year opens.
        await Eventually.HoldsAsync(async () => (await declarer.Api.GetAsync($"/api/finance/establishments/{company.Siret}/permissions")).StatusCode == HttpStatusCode.OK
                && (await reporting.Api.GetAsync($"/api/notification/establishments/{company.Siret}/permissions")).StatusCode == HttpStatusCode.OK
                && (await declarer.Api.GetAsync($"/api/notification/establishments/{company.Siret}/permissions")).StatusCode == HttpStatusCode.OK,
            DossierWorld.Delivery, "finance and the notification service know the users");
        var year = DateTime.UtcNow.Year + 1;

        var opened = await DossierWorld.Json(await administrator.PostAsync($"/api/finance/admin/contributions/years/{year}/open", null));
        var reopened = await DossierWorld.Json(await administrator.PostAsync($"/api/finance/admin/contributions/years/{year}/open", null));
        Assert.True(opened.GetProperty("companiesCalled").GetInt32() >= 1);
        Assert.Equal(0, reopened.GetProperty("companiesCalled").GetInt32());

        var title = $"Contribution {year} : la déclaration est ouverte";
        await Eventually.HoldsAsync(async () => (await Notifications(declarer.Api)).Contains(title), DossierWorld.Delivery, "the declarer is notified");
        // One handler notified both users or neither: the declarer's notification proves it ran.
        Assert.Single(await Notifications(declarer.Api), t => t == title);
        Assert.DoesNotContain(title, await Notifications(reporting.Api));
    }

    private static async Task<List<string>> Notifications(HttpClient user) =>
        [.. (await user.GetFromJsonAsync<JsonElement>("/api/notification/me/notifications?pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("title").GetString()!)];

    private static string Today() => Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    [GeneratedRegex("^[A-Z0-9/?:().,'+-]{1,35}$")]
    private static partial Regex Rum();
}
