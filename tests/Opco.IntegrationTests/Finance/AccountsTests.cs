using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opco.Contracts.Finance;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Finance;

/// <summary>
/// « Mes comptes » through the gateway on the real ledger: who sees which company's money, the figures after credits,
/// corrections and commitments, an account's lines by period and kind and as CSV, the pooled sources that funded the
/// company, and 50 commitments racing on one account without overdrawing it.
/// </summary>
public sealed class AccountsTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_reporting_user_sees_their_company_s_accounts_their_figures_lines_and_financings_and_nobody_else_s()
    {
        var company = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var reporting = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var dossiersOnly = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var otherReporting = await World.UserAsync(other.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();

        await CreditAsync(administrator, company.Siren, 5000m);
        var correction = await administrator.PostAsJsonAsync("/api/finance/admin/accounts/adjustments", new
        {
            kind = "CompanyAccount", siren = company.Siren, source = "Plan obligatoire", amount = -250.50m, reason = "Versement enregistré deux fois",
        });
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        var tooMuch = await administrator.PostAsJsonAsync("/api/finance/admin/accounts/adjustments", new
        {
            kind = "CompanyAccount", siren = company.Siren, source = "Plan obligatoire", amount = -5000m, reason = "Erreur",
        });
        Assert.Equal("La correction rendrait le disponible pour engagement négatif : il est de 4\u202F749,50 €.",
            (await Json(tooMuch, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("amount")[0].GetString());
        // A dossier's commitment on the account, and a contract's on the pooled source (finance's saga, through the broker).
        var dossier = Guid.NewGuid();
        var contract = Guid.NewGuid();
        await World.Onboarding.Broker.PublishAsync(new CommitmentRequested(dossier, 41, CommitmentCauses.Dossier, company.Siren, "CompanyAccount",
            "Plan obligatoire", 2027, 1200m, false, DateTimeOffset.UtcNow), Guid.NewGuid());
        await World.Onboarding.Broker.PublishAsync(new CommitmentRequested(contract, 7, CommitmentCauses.Contract, company.Siren, "PooledSource",
            "Professionnalisation", 2091, 5040m, true, DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await World.CountAsync("financedb",
                "SELECT count(*) FROM ledger_entries WHERE \"CauseId\" = ANY(@p) AND \"Kind\" = 'Commitment'", new[] { dossier, contract }) == 2,
            Delivery, "finance records both commitments");

        var mine = await Json(await reporting.GetAsync("/api/finance/accounts"));
        var companyView = Assert.Single(mine.GetProperty("companies").EnumerateArray());
        Assert.Equal(company.Siren, companyView.GetProperty("siren").GetString());
        var accounts = companyView.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(["Versement Volontaire", "Sélection DEFi", "Plan obligatoire"], accounts.Select(a => a.GetProperty("label").GetString()));
        var plan = accounts[2];
        // 5 000 − 250,50 credited, 1 200 committed: 3 549,50 available, 1 200 provisioned, 4 749,50 to pay with.
        Assert.Equal((3549.50m, 1200m, 4749.50m), (plan.GetProperty("availableForCommitment").GetDecimal(), plan.GetProperty("openCommitments").GetDecimal(),
            plan.GetProperty("availableForPayment").GetDecimal()));
        Assert.Equal(0m, accounts[0].GetProperty("availableForCommitment").GetDecimal());
        var financing = Assert.Single(companyView.GetProperty("financings").EnumerateArray());
        Assert.Equal(("Professionnalisation", 2091, 5040m, 5040m), (financing.GetProperty("source").GetString(), financing.GetProperty("year").GetInt32(),
            financing.GetProperty("committed").GetDecimal(), financing.GetProperty("provisioned").GetDecimal()));
        Assert.Equal(["availableForCommitment", "openCommitments", "availableForPayment"],
            mine.GetProperty("definitions").EnumerateArray().Select(d => d.GetProperty("field").GetString()));

        var detailUrl = $"/api/finance/accounts/{company.Siren}/plan-obligatoire";
        var detail = await Json(await reporting.GetAsync(detailUrl));
        Assert.Equal(("Plan obligatoire", 4749.50m), (detail.GetProperty("label").GetString(), detail.GetProperty("figures").GetProperty("credited").GetDecimal()));
        var lines = detail.GetProperty("lines").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([("Commitment", -1200m, "Dossier n° 41"), ("Adjustment", -250.50m, "Versement enregistré deux fois"), ("Credit", 5000m, "Dotation de test")],
            lines.Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("amount").GetDecimal(), l.GetProperty("reference").GetString())));
        Assert.Equal(("Dossier de prise en charge", "Service financier de l'OPCO (décision sur le dossier)"),
            (lines[0].GetProperty("causeLabel").GetString(), lines[0].GetProperty("recordedBy").GetString()));
        var corrections = await Json(await reporting.GetAsync($"{detailUrl}?kind=Adjustment"));
        Assert.Equal("Correction", Assert.Single(corrections.GetProperty("lines").GetProperty("items").EnumerateArray()).GetProperty("kindLabel").GetString());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(0, (await Json(await reporting.GetAsync($"{detailUrl}?from={Day(today.AddDays(2))}"))).GetProperty("lines").GetProperty("total").GetInt32());
        Assert.Equal(3, (await Json(await reporting.GetAsync($"{detailUrl}?from={Day(today.AddDays(-1))}&to={Day(today.AddDays(1))}")))
            .GetProperty("lines").GetProperty("total").GetInt32());
        var badFilter = await Json(await reporting.GetAsync($"{detailUrl}?kind=Virement&from=03-12-2026"), HttpStatusCode.BadRequest);
        Assert.True(badFilter.GetProperty("errors").TryGetProperty("kind", out _) && badFilter.GetProperty("errors").TryGetProperty("from", out _));
        var csv = Encoding.UTF8.GetString(await (await reporting.GetAsync($"{detailUrl}/export")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Correction;-250,50;Correction;Versement enregistré deux fois;Gestion des comptes de l'OPCO", csv);

        // Another company's users and this company's users without « Visualiser les comptes » see none of its money.
        Assert.DoesNotContain((await Json(await otherReporting.GetAsync("/api/finance/accounts"))).GetProperty("companies").EnumerateArray(),
            c => c.GetProperty("siren").GetString() == company.Siren);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReporting.GetAsync(detailUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReporting.GetAsync($"{detailUrl}/export")).StatusCode);
        Assert.Empty((await Json(await dossiersOnly.GetAsync("/api/finance/accounts"))).GetProperty("companies").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await dossiersOnly.GetAsync(detailUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporting.PostAsJsonAsync("/api/finance/admin/accounts/adjustments", new
        {
            kind = "CompanyAccount", siren = company.Siren, source = "Plan obligatoire", amount = 1000m, reason = "Pour voir",
        })).StatusCode);

        // Every line left finance's outbox as an event.
        Assert.True(await World.CountAsync("financedb",
            "SELECT count(*) FROM outbox_messages o JOIN funding_accounts a ON o.aggregate_id = a.\"Id\"::text WHERE a.\"Siren\" = @p AND o.message_type LIKE '%LedgerEntryRecorded%'",
            company.Siren) >= 3);
    }

    [Fact]
    public async Task Closing_the_ledger_s_periods_carries_old_lines_forward_as_sums_and_changes_no_figure()
    {
        var company = await World.CompanyAsync();
        var reporting = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 1000m);
        // A year of history on the account (as a migration of the old system would write it), then today's lines.
        var accountId = await World.ScalarAsync<Guid>("financedb", "SELECT \"Id\" FROM funding_accounts WHERE \"Key\" = @p",
            $"company:{company.Siren}:Plan obligatoire");
        await World.ExecuteAsync("financedb", """
            INSERT INTO ledger_entries ("AccountId", "Kind", "Amount", "Cause", "Siren", "Reference", "RecordedAt")
            SELECT @p, CASE WHEN i % 3 = 0 THEN 'Commitment' ELSE 'Credit' END, 10.25, 'Allocation', substr(@q, 1, 9), 'Historique', now() - interval '400 days' + i * interval '1 day'
            FROM generate_series(1, 300) i
            """, accountId, company.Siren);
        var detailUrl = $"/api/finance/accounts/{company.Siren}/plan-obligatoire";
        var before = await Json(await reporting.GetAsync(detailUrl));

        // Two closings at once (an administrator while the daily one runs): one waits for the other and closes nothing more.
        var closings = await Task.WhenAll(administrator.PostAsync("/api/finance/admin/ledger-closing", null),
            administrator.PostAsync("/api/finance/admin/ledger-closing", null));
        var closed = await Json(closings[0]);
        var again = await Json(await administrator.PostAsync("/api/finance/admin/ledger-closing", null));

        Assert.Equal(HttpStatusCode.OK, closings[1].StatusCode);
        Assert.Equal(closed.GetProperty("closedUntil").GetDateTimeOffset(), again.GetProperty("closedUntil").GetDateTimeOffset());
        Assert.Equal(0, again.GetProperty("sums").GetInt32());
        // One sum per kind of the account's history: credits and commitments, carried forward once.
        Assert.Equal(2L, await World.CountAsync("financedb", "SELECT count(*) FROM ledger_closed_sums WHERE \"AccountId\" = @p", accountId));
        var after = await Json(await reporting.GetAsync(detailUrl));
        // 200 credits and 100 commitments of 10,25 € before, plus today's 1 000 €: the same figures and count, closed or not.
        Assert.Equal(before.GetProperty("figures").ToString(), after.GetProperty("figures").ToString());
        Assert.Equal((3050m, 1025m), (after.GetProperty("figures").GetProperty("credited").GetDecimal(),
            after.GetProperty("figures").GetProperty("openCommitments").GetDecimal()));
        Assert.Equal(301, after.GetProperty("lines").GetProperty("total").GetInt32());
        var synthesis = (await Json(await reporting.GetAsync("/api/finance/accounts"))).GetProperty("companies")[0].GetProperty("accounts")[2];
        Assert.Equal(2025m, synthesis.GetProperty("availableForCommitment").GetDecimal());
        // A line is never changed nor deleted, and none enters a closed period.
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => World.ExecuteAsync("financedb",
            "UPDATE ledger_entries SET \"Amount\" = 0 WHERE \"AccountId\" = @p", accountId, ""));
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => World.ExecuteAsync("financedb", """
            INSERT INTO ledger_entries ("AccountId", "Kind", "Amount", "Cause", "Siren", "Reference", "RecordedAt")
            VALUES (@p, 'Credit', 1, 'Allocation', substr(@q, 1, 9), 'Oubli', now() - interval '90 days')
            """, accountId, company.Siren));
    }

    [Fact]
    public async Task Fifty_commitments_racing_on_one_account_never_overdraw_it()
    {
        var company = await World.CompanyAsync();
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 1000m);
        var causes = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(causes.Select((cause, i) => World.Onboarding.Broker.PublishAsync(new CommitmentRequested(cause, 1000 + i, CommitmentCauses.Dossier,
            company.Siren, "CompanyAccount", "Plan obligatoire", 2027, 30m, false, DateTimeOffset.UtcNow), Guid.NewGuid())));

        // Every request is answered, recorded or refused.
        await Eventually.HoldsAsync(async () => await World.CountAsync("financedb",
                "SELECT count(*) FROM outbox_messages WHERE aggregate_id = ANY(@p) AND (message_type LIKE '%CommitmentRecorded%' OR message_type LIKE '%CommitmentRefused%')",
                causes.Select(c => c.ToString()).ToArray()) == 50,
            Delivery, "finance answers the 50 requests");
        // 33 × 30 € fit in 1 000 €; the 17 others are refused.
        Assert.Equal(33L, await World.CountAsync("financedb",
            "SELECT count(*) FROM ledger_entries WHERE \"CauseId\" = ANY(@p) AND \"Kind\" = 'Commitment'", causes));
        var figures = await FiguresAsync(administrator, company.Siren);
        Assert.Equal((990m, 10m), (figures.GetProperty("openCommitments").GetDecimal(), figures.GetProperty("availableForCommitment").GetDecimal()));
    }
}
