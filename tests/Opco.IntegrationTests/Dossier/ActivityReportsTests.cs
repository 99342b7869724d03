using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opco.Contracts.Finance;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// « Suivi financier de l'activité » and the reportings DEFi Performance through the gateway: dossiers accepted by the advisor
/// (finance's saga on the real broker), one cancelled, finance's payments published on the broker (one twice), the
/// establishment's report by month, scheme and employee, who may see it and the names in it, and a company's reporting
/// built in the background to its CSV and PDF.
/// </summary>
public sealed class ActivityReportsTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    private static DateOnly ParisToday => Opco.SharedKernel.ParisCalendar.Today(TimeProvider.System);

    [Fact]
    public async Task Committed_released_and_paid_reach_the_establishment_s_report_by_month_scheme_and_employee_a_payment_counted_once()
    {
        var company = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge, Habilitation.Reporting);
        var reportingOnly = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var dossiersOnly = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var otherReporting = await World.UserAsync(other.Siret, Habilitation.Reporting);
        // 350 € for two trainees of 14 h and 7 h; 300 € for one, then cancelled before anything was paid.
        var dossiers = await AcceptedDossiersAsync(company, manager, twoTrainees: true, 350m, 300m);
        await Json(await manager.PostAsJsonAsync($"{Dossiers(company.Siret)}/{dossiers[1].Id}/cancellation", new { reason = "Formation reportée" }));

        var payment = new PaymentRecorded(Guid.NewGuid(), Guid.NewGuid(), dossiers[0].Id, dossiers[0].Number, company.Siret, "F-2026-001", 150m, ParisToday,
            DateTimeOffset.UtcNow);
        var (first, republished, control) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await World.Onboarding.Broker.PublishAsync(payment, first);
        // Redelivered with its message id, then published again by finance under another one: the same payment.
        await World.Onboarding.Broker.PublishAsync(payment, first);
        await World.Onboarding.Broker.PublishAsync(payment, republished);
        // The control: another payment of the dossier, which must count.
        await World.Onboarding.Broker.PublishAsync(payment with { PaymentId = Guid.NewGuid(), InvoiceNumber = "F-2026-002", Amount = 30m }, control);
        await Eventually.HoldsAsync(async () => await World.CountAsync("dossierdb",
                "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@p) AND consumer LIKE '%PaymentRecordedConsumer'", new[] { first, republished, control }) == 3,
            Delivery, "the dossier service consumed the three messages");

        var url = $"/api/dossier/establishments/{company.Siret}/activity?year={ParisToday.Year}";
        var report = await Json(await manager.GetAsync(url));
        Assert.Equal((650m, 300m, 350m, 180m), Amounts(report.GetProperty("totals")));
        var months = report.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal((650m, 300m, 350m, 180m), Amounts(months[ParisToday.Month - 1]));
        Assert.All(months.Where((_, i) => i != ParisToday.Month - 1), m => Assert.Equal((0m, 0m, 0m, 0m), Amounts(m)));
        var scheme = Assert.Single(report.GetProperty("schemes").EnumerateArray());
        Assert.Equal((650m, 300m, 350m, 180m), Amounts(scheme));
        // 350 € and 180 € shared 14 h / 7 h: 233,33 + 116,67 and 120 + 60; the cancelled dossier's trainee: 300 committed, 300 released.
        var employees = report.GetProperty("employees").EnumerateArray().ToList();
        Assert.Equal([(116.67m, 0m, 116.67m, 60m), (233.33m, 0m, 233.33m, 120m), (300m, 300m, 0m, 0m)], employees.Select(Amounts).Order());
        Assert.True(report.GetProperty("employeesNamed").GetBoolean());
        Assert.Contains(employees, e => e.GetProperty("label").GetString() == "Camille BINÔME");

        // Without « Gérer les salariés » the employees have no name.
        var anonymous = await Json(await reportingOnly.GetAsync(url));
        Assert.False(anonymous.GetProperty("employeesNamed").GetBoolean());
        Assert.Equal(["Salarié 1", "Salarié 2", "Salarié 3"], anonymous.GetProperty("employees").EnumerateArray().Select(e => e.GetProperty("label").GetString()));
        Assert.DoesNotContain("Camille", anonymous.ToString());

        var csv = Encoding.UTF8.GetString(await (await manager.GetAsync($"/api/dossier/establishments/{company.Siret}/activity/export?year={ParisToday.Year}"))
            .Content.ReadAsByteArrayAsync());
        Assert.Contains($"{company.Siret};{ParisToday.Year};Total;Total;650,00;300,00;350,00;180,00", csv);
        Assert.Contains($"{company.Siret};{ParisToday.Year};Salarié;Camille BINÔME;116,67;0,00;116,67;60,00", csv);

        // Without Reporting on the establishment, or on another company's: nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await dossiersOnly.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReporting.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReporting.GetAsync($"/api/dossier/establishments/{company.Siret}/activity/export")).StatusCode);
        var badYear = await Json(await manager.GetAsync($"/api/dossier/establishments/{company.Siret}/activity?year=1850"), HttpStatusCode.BadRequest);
        Assert.Equal("Choisissez une année entre 2000 et 2100.", badYear.GetProperty("errors").GetProperty("year")[0].GetString());
        // « Réalisé » (straight in the table), then settled by finance, which released 120 € to the account: the report shows
        // finance's figure in the month of the settlement, not granted − paid as this service knows it (170 €: a payment of 50 €
        // finance made is still on its way here).
        await World.ExecuteAsync("dossierdb", "UPDATE dossiers SET \"Status\" = @q WHERE \"Id\" = @p", dossiers[0].Id, "Completed");
        await World.Onboarding.Broker.PublishAsync(new DossierSettled(dossiers[0].Id, PaidInFull: false, Released: 120m, "Formation écourtée",
            DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await World.CountAsync("dossierdb", "SELECT count(*) FROM dossiers WHERE \"Id\" = @p AND \"Status\" = 'Settled'",
            dossiers[0].Id) == 1, Delivery, "the dossier service settled the dossier");
        var settled = await Json(await manager.GetAsync(url));
        Assert.Equal((650m, 420m, 230m, 180m), Amounts(settled.GetProperty("totals")));
        Assert.Equal([(116.67m, 40m, 76.67m, 60m), (233.33m, 80m, 153.33m, 120m), (300m, 300m, 0m, 0m)],
            settled.GetProperty("employees").EnumerateArray().Select(Amounts).Order());

        // The other company's report stays empty: the payments are the establishment's own.
        Assert.Equal((0m, 0m, 0m, 0m), Amounts((await Json(await otherReporting.GetAsync(
            $"/api/dossier/establishments/{other.Siret}/activity?year={ParisToday.Year}"))).GetProperty("totals")));
    }

    [Fact]
    public async Task A_DEFi_Performance_company_s_reporting_is_built_in_the_background_and_downloaded_by_its_reporting_users_only()
    {
        var company = await World.CompanyAsync(serviceOffer: "DEFi Performance");
        var plain = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge, Habilitation.Reporting);
        var plainReporting = await World.UserAsync(plain.Siret, Habilitation.Reporting);
        var dossier = (await AcceptedDossiersAsync(company, manager, twoTrainees: false, 350m))[0];
        var paymentMessage = Guid.NewGuid();
        await World.Onboarding.Broker.PublishAsync(new PaymentRecorded(Guid.NewGuid(), Guid.NewGuid(), dossier.Id, dossier.Number, company.Siret, "F-1", 150m,
            ParisToday, DateTimeOffset.UtcNow), paymentMessage);
        await Eventually.HoldsAsync(async () => await World.CountAsync("dossierdb", "SELECT count(*) FROM dossier_payments WHERE \"DossierId\" = @p", dossier.Id) == 1,
            Delivery, "the dossier service copied the payment");
        var reports = $"/api/dossier/companies/{company.Siren}/defi-reports";

        // A company without the offer cannot ask; another company's user does not see this one's reportings.
        var refused = await Json(await plainReporting.PostAsJsonAsync($"/api/dossier/companies/{plain.Siren}/defi-reports", new { year = ParisToday.Year }),
            HttpStatusCode.Forbidden);
        Assert.Equal("Les reportings sont réservés aux entreprises bénéficiant de l'offre DEFi Performance.", refused.GetProperty("errors").GetProperty("siren")[0].GetString());
        Assert.False((await Json(await plainReporting.GetAsync($"/api/dossier/companies/{plain.Siren}/defi-reports"))).GetProperty("offerAllowsReports").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await plainReporting.GetAsync(reports)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plainReporting.PostAsJsonAsync(reports, new { year = ParisToday.Year })).StatusCode);
        Assert.True((await Json(await manager.PostAsJsonAsync(reports, new { year = 1999 }), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("year", out _));

        var requested = await Json(await manager.PostAsJsonAsync(reports, new { year = ParisToday.Year }), HttpStatusCode.Accepted);
        var id = requested.GetProperty("id").GetGuid();
        Assert.Equal([company.Siret], requested.GetProperty("sirets").EnumerateArray().Select(s => s.GetString()));
        var ready = await ReadyAsync(manager, reports, id);
        Assert.Equal((100, "Prêt"), (ready.GetProperty("progress").GetInt32(), ready.GetProperty("statusLabel").GetString()));

        var csvResponse = await manager.GetAsync($"{reports}/{id}/csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        // The total covers the requester's establishments only, and says so (it was « Entreprise » / « Ensemble de l'entreprise »).
        Assert.Contains($"Établissements couverts;{ParisToday.Year};Total;Total;350,00;0,00;350,00;150,00", csv);
        Assert.Contains($"{company.Siret};{ParisToday.Year};Total;Total;350,00;0,00;350,00;150,00", csv);
        // A file travels: no employee's name in it.
        Assert.Contains($"{company.Siret};{ParisToday.Year};Salarié;Salarié 1;350,00;0,00;350,00;150,00", csv);
        Assert.DoesNotContain("Camille", csv);
        var pdf = await manager.GetAsync($"{reports}/{id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var pdfText = Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("%PDF-1.4", pdfText);
        Assert.Contains($"(Reporting DEFi Performance {ParisToday.Year}) Tj", pdfText);
        Assert.Contains("(Établissements couverts) Tj", pdfText);
        Assert.DoesNotContain("Ensemble de l'entreprise", pdfText);
        Assert.Equal(HttpStatusCode.NotFound, (await plainReporting.GetAsync($"{reports}/{id}/pdf")).StatusCode);

        // A job a stopped worker left « En cours » (its lease run out) is taken again and finished.
        var left = Guid.NewGuid();
        await World.ExecuteAsync("dossierdb", """
            INSERT INTO defi_report_jobs ("Id", "Siren", "Year", "Sirets", "RequestedBy", "RequestedAt", "Status", "Progress", "Step", "Attempts", "LeaseUntil")
            VALUES (@p, substr(@q, 1, 9), extract(year from now() AT TIME ZONE 'Europe/Paris')::int, ARRAY[@q], @p, now() - interval '1 minute', 'InProgress', 40,
                    'Établissement 1 sur 1', 1, now() - interval '1 second')
            """, left, company.Siret);
        var resumed = await ReadyAsync(manager, reports, left);
        Assert.Equal("Ready", resumed.GetProperty("status").GetString());
        Assert.Equal(2L, await World.CountAsync("dossierdb", "SELECT \"Attempts\"::bigint FROM defi_report_jobs WHERE \"Id\" = @p", left));
    }

    private static async Task<JsonElement> ReadyAsync(HttpClient user, string reports, Guid id)
    {
        JsonElement job = default;
        await Eventually.HoldsAsync(async () =>
        {
            job = (await Json(await user.GetAsync(reports))).GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("id").GetGuid() == id);
            return job.GetProperty("status").GetString() is "Ready" or "Failed";
        }, Delivery, "the reporting is built");
        Assert.Equal("Ready", job.GetProperty("status").GetString());
        return job;
    }

    private static (decimal, decimal, decimal, decimal) Amounts(JsonElement line) => (line.GetProperty("committed").GetDecimal(),
        line.GetProperty("released").GetDecimal(), line.GetProperty("netCommitted").GetDecimal(), line.GetProperty("paid").GetDecimal());

    /// <summary>
    /// Dossiers entered, transmitted, moved by the night and accepted by the advisor for these amounts (finance records each
    /// commitment). With <paramref name="twoTrainees"/>, the first has a second trainee « Binôme » of 7 h beside the 14 h one.
    /// </summary>
    internal static async Task<(Guid Id, long Number)[]> AcceptedDossiersAsync(DossierWorld world, DossierWorld.Company company, HttpClient manager,
        bool twoTrainees, params decimal[] granted)
    {
        var administrator = await world.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 5000m);
        var ids = new List<Guid>();
        foreach (var _ in granted)
        {
            var (id, employee) = await world.CompleteDossierAsync(manager, company.Siret);
            if (twoTrainees && ids.Count == 0)
            {
                var second = await world.EmployeeAsync(manager, company.Siret, "Binôme");
                await Json(await manager.PutAsJsonAsync($"{Dossiers(company.Siret)}/{id}/trainees", new
                {
                    trainees = new[] { new { employeeId = employee, hours = 14m, hoursOutsideWorkingTime = 0m }, new { employeeId = second, hours = 7m, hoursOutsideWorkingTime = 0m } },
                }));
            }
            await Json(await manager.PostAsync($"{Dossiers(company.Siret)}/{id}/transmission", null));
            ids.Add(id);
        }
        await RunNightlyAsync(administrator);
        // Another test's nightly run may hold some of these dossiers (SKIP LOCKED) and commit their move a little later.
        foreach (var id in ids)
            await Eventually.HoldsAsync(async () => (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("status").GetString() == "UnderReview",
                Delivery, "the night moved the dossier to « En cours de validation »");
        for (var i = 0; i < ids.Count; i++)
            await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{ids[i]}/acceptance", new { grantedAmount = granted[i] }));
        var accepted = new List<(Guid, long)>();
        foreach (var id in ids)
        {
            JsonElement dossier = default;
            await Eventually.HoldsAsync(async () => (dossier = await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("status").GetString() == "Accepted",
                Delivery, "finance records the commitment and the dossier is accepted");
            accepted.Add((id, dossier.GetProperty("number").GetInt64()));
        }
        return [.. accepted];
    }

    private Task<(Guid Id, long Number)[]> AcceptedDossiersAsync(DossierWorld.Company company, HttpClient manager, bool twoTrainees, params decimal[] granted) =>
        AcceptedDossiersAsync(World, company, manager, twoTrainees, granted);
}
