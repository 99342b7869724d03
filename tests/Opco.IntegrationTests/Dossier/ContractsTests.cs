using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Opco.Dossier.Features.Contracts;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// Contrats de professionnalisation end to end through the gateway: the company enters and transmits, the advisor
/// instructs and accepts, finance commits on « Professionnalisation », the followers are notified; the rupture, the
/// avenant, other establishments kept out; and the daily run with its clock moved: silence accepts after 20 days (a
/// binding commitment), then the contract runs and ends on its dates. One collection: the daily run moves every due contract.
/// </summary>
[Collection(ContractsCollection.Name)]
public sealed class ContractsTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_contract_is_entered_transmitted_instructed_taken_in_charge_committed_notified_amended_and_broken_off()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.ContratPro);
        var administrator = await World.AdministratorAsync();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        await CreditProfessionalisationAsync(administrator, start.Year, 1_000_000m);
        var before = (await ProfessionalisationFiguresAsync(administrator, start.Year)).GetProperty("openCommitments").GetDecimal();
        var (id, number) = await World.CompleteContractAsync(manager, company.Siret, start);
        var url = $"{ContractsOf(company.Siret)}/{id}";

        // A wrong value is refused on its field, in French, and nothing is kept.
        var tooLow = await manager.PutAsJsonAsync($"{url}/pay", new { monthlyGrossPay = 1000m });
        var problem = await Json(tooLow, HttpStatusCode.BadRequest);
        Assert.Equal("À 36 ans, la rémunération est d'au moins 100 % du SMIC, soit 1\u202F801,80 € bruts par mois pour 35 h par semaine.",
            problem.GetProperty("errors").GetProperty("monthlyGrossPay")[0].GetString());
        var draft = await Json(await manager.GetAsync(url));
        Assert.Equal(1850m, draft.GetProperty("monthlyGrossPay").GetDecimal());
        Assert.True(draft.GetProperty("steps").EnumerateArray().All(s => s.GetProperty("complete").GetBoolean()));
        Assert.Empty(draft.GetProperty("checks").EnumerateArray());
        Assert.Equal(5040m, draft.GetProperty("funding").GetProperty("total").GetDecimal());

        var transmitted = await Json(await manager.PostAsync($"{url}/transmission", null));
        var today = ParisCalendar.Today(TimeProvider.System);
        Assert.Equal(("Transmitted", $"Décision attendue avant le {FrenchFormat.Date(today.AddDays(20))}"),
            (transmitted.GetProperty("contract").GetProperty("status").GetString(), transmitted.GetProperty("contract").GetProperty("decisionDueText").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"{url}/pay", new { monthlyGrossPay = 1900m })).StatusCode);

        // Another establishment's users, and this one's without the habilitation, see nothing of it.
        var other = await World.CompanyAsync();
        var stranger = await World.UserAsync(other.Siret, Habilitation.ContratPro, Habilitation.PriseEnCharge);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{ContractsOf(other.Siret)}/{id}")).StatusCode);
        var strangerList = await Json(await stranger.GetAsync("/api/dossier/contracts"));
        Assert.DoesNotContain(strangerList.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Advisor.GetAsync($"/api/dossier/advisor/contracts/{id}")).StatusCode);
        var dossiersOnly = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        Assert.Equal(HttpStatusCode.Forbidden, (await dossiersOnly.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dossiersOnly.PostAsync(ContractsOf(company.Siret), null)).StatusCode);

        // "Mes contrats de pro" and its export: the row with its deadline and funding, never the pay.
        var list = await Json(await manager.GetAsync($"/api/dossier/contracts?search={number}"));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("Transmis", "ALTERNANT Camille", today.AddDays(20), 5040m), (row.GetProperty("statusLabel").GetString(),
            row.GetProperty("traineeName").GetString(), DateOnly.Parse(row.GetProperty("decisionDueOn").GetString()!), row.GetProperty("funding").GetDecimal()));
        Assert.False(row.TryGetProperty("monthlyGrossPay", out _));
        var byName = await Json(await manager.GetAsync("/api/dossier/contracts?search=alternant"));
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var csv = Encoding.UTF8.GetString(await (await manager.GetAsync($"/api/dossier/contracts/export?search={number}")).Content.ReadAsByteArrayAsync());
        Assert.Contains($"{number};Transmis;Contrat initial;;{company.Siret};ALTERNANT Camille;TUTEUR Camille;Technicien de maintenance", csv);
        Assert.DoesNotContain("1850", csv.Replace("\u202F", "").Replace(" ", ""));

        // The advisor instructs and accepts; finance records the commitment on the pooled source, then it is « Pris en charge ».
        var toInstruct = await Json(await company.Advisor.GetAsync("/api/dossier/advisor/contracts"));
        Assert.Contains(toInstruct.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Conflict, (await company.Advisor.PostAsync($"/api/dossier/advisor/contracts/{id}/acceptance", null)).StatusCode);
        Assert.Equal("UnderReview", (await Json(await company.Advisor.PostAsync($"/api/dossier/advisor/contracts/{id}/review", null)))
            .GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest,
            (await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/contracts/{id}/refusal", new { reason = "" })).StatusCode);
        var pending = await Json(await company.Advisor.PostAsync($"/api/dossier/advisor/contracts/{id}/acceptance", null));
        Assert.Contains(pending.GetProperty("status").GetString(), new[] { "AcceptancePending", "Accepted" });
        JsonElement accepted = default;
        await Eventually.HoldsAsync(async () =>
        {
            accepted = await Json(await manager.GetAsync(url));
            return accepted.GetProperty("status").GetString() == "Accepted";
        }, Delivery, "finance records the commitment and the contract is taken in charge");
        Assert.Equal(("Pris en charge", 5040m, (string?)null), (accepted.GetProperty("statusLabel").GetString(),
            accepted.GetProperty("committedAmount").GetDecimal(), accepted.GetProperty("decisionDueText").GetString()));
        Assert.Equal(1L, await World.CountAsync("financedb",
            "SELECT count(*) FROM ledger_entries WHERE \"CauseId\" = @p AND \"Kind\" = 'Commitment' AND \"Reference\" LIKE 'Contrat de pro n° %'", id));
        Assert.Equal(before + 5040m, (await ProfessionalisationFiguresAsync(administrator, start.Year)).GetProperty("openCommitments").GetDecimal());
        await Eventually.HoldsAsync(async () =>
        {
            var notifications = await manager.GetFromJsonAsync<JsonElement>("/api/notification/me/notifications");
            return notifications.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("title").GetString() == $"Contrat de pro n° {number} : Pris en charge"
                                                                                 && n.GetProperty("link").GetString() == $"/contrats/{company.Siret}/{id}");
        }, Delivery, "the followers are notified");

        // An avenant: a new draft version, type 5, linked; one at a time. It adds 50 h of training: 457,50 € more.
        var avenant = await Json(await manager.PostAsync($"{url}/amendment", null), HttpStatusCode.Created);
        Assert.Equal((5, "Avenant", id, number, "Draft"), (avenant.GetProperty("contractType").GetInt32(), avenant.GetProperty("contractTypeLabel").GetString(),
            avenant.GetProperty("amendsId").GetGuid(), avenant.GetProperty("amendsNumber").GetInt64(), avenant.GetProperty("status").GetString()));
        Assert.Equal(400m, avenant.GetProperty("trainingHours").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"{url}/amendment", null)).StatusCode);
        var avenantId = avenant.GetProperty("id").GetGuid();
        var avenantNumber = avenant.GetProperty("number").GetInt64();
        var avenantUrl = $"{ContractsOf(company.Siret)}/{avenantId}";
        var original = await Json(await manager.GetAsync(url));
        Assert.Equal(avenantId, Assert.Single(original.GetProperty("amendments").EnumerateArray()).GetProperty("id").GetGuid());
        await Json(await manager.PutAsJsonAsync($"{avenantUrl}/training", new
        {
            trainingProviderId = avenant.GetProperty("provider").GetProperty("id").GetGuid(), trainingStartDate = Day(start),
            trainingEndDate = Day(start.AddMonths(12).AddDays(-1)), trainingHours = 450m,
        }));
        foreach (var kind in new[] { "signedContract", "programme" })
        {
            var body = new ByteArrayContent(Pdf);
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            await Json(await manager.PostAsync($"{avenantUrl}/documents?kind={kind}&fileName=avenant.pdf", body), HttpStatusCode.Created);
        }
        var avenantSent = await Json(await manager.PostAsync($"{avenantUrl}/transmission", null));
        Assert.Empty(avenantSent.GetProperty("warnings").EnumerateArray());
        await Json(await company.Advisor.PostAsync($"/api/dossier/advisor/contracts/{avenantId}/review", null));
        await Json(await company.Advisor.PostAsync($"/api/dossier/advisor/contracts/{avenantId}/acceptance", null));
        await Eventually.HoldsAsync(async () => (await Json(await manager.GetAsync(avenantUrl))).GetProperty("status").GetString() == "Accepted",
            Delivery, "finance commits what the avenant adds and it is taken in charge");
        Assert.Equal(457.50m, (await Json(await manager.GetAsync(avenantUrl))).GetProperty("committedAmount").GetDecimal());
        Assert.Equal(before + 5497.50m, (await ProfessionalisationFiguresAsync(administrator, start.Year)).GetProperty("openCommitments").GetDecimal());
        var replaced = await Json(await manager.GetAsync(url));
        Assert.Equal(("Superseded", "Remplacé par avenant"), (replaced.GetProperty("status").GetString(), replaced.GetProperty("statusLabel").GetString()));
        var avenantRow = Assert.Single((await Json(await manager.GetAsync($"/api/dossier/contracts?search={avenantNumber}"))).GetProperty("items").EnumerateArray());
        Assert.Equal(5497.50m, avenantRow.GetProperty("funding").GetDecimal());

        // A rupture: on the version that runs, within the contract, with a reason.
        Assert.Equal(HttpStatusCode.Conflict,
            (await manager.PostAsJsonAsync($"{url}/termination", new { date = Day(start.AddMonths(2)), reason = "Démission" })).StatusCode);
        var outside = await manager.PostAsJsonAsync($"{avenantUrl}/termination", new { date = Day(start.AddYears(2)), reason = "Démission" });
        Assert.True((await Json(outside, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("date", out _));
        var broken = await Json(await manager.PostAsJsonAsync($"{avenantUrl}/termination", new { date = Day(start.AddMonths(2)), reason = "Rupture d'un commun accord" }));
        Assert.Equal(("Terminated", "Rompu", "Rupture d'un commun accord"), (broken.GetProperty("contract").GetProperty("status").GetString(),
            broken.GetProperty("contract").GetProperty("statusLabel").GetString(), broken.GetProperty("contract").GetProperty("terminationReason").GetString()));
        var history = broken.GetProperty("contract").GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ToList();
        Assert.Equal(["Draft", "Transmitted", "UnderReview", "AcceptancePending", "Accepted", "Terminated"], history);
        Assert.Equal(["Draft", "Transmitted", "UnderReview", "AcceptancePending", "Accepted", "Superseded"],
            replaced.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ToList());
        await Eventually.HoldsAsync(async () =>
        {
            var notifications = await manager.GetFromJsonAsync<JsonElement>("/api/notification/me/notifications");
            return notifications.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("title").GetString() == $"Avenant n° {avenantNumber} : Rompu");
        }, Delivery, "the rupture is notified");
    }

    [Fact]
    public async Task A_step_saved_from_a_screen_read_before_another_save_is_refused_and_the_newer_save_kept()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.ContratPro);
        var created = await Json(await manager.PostAsync(ContractsOf(company.Siret), null), HttpStatusCode.Created);
        var url = $"{ContractsOf(company.Siret)}/{created.GetProperty("id").GetGuid()}";
        var read = created.GetProperty("version").GetUInt32();

        var saved = await Json(await PutIfMatchAsync(manager, $"{url}/terms", new { job = "Vendeuse" }, read));
        Assert.NotEqual(read, saved.GetProperty("version").GetUInt32());
        var stale = await PutIfMatchAsync(manager, $"{url}/terms", new { job = "Caissière" }, read);
        Assert.Equal("Ce contrat vient d'être modifié par quelqu'un d'autre : rechargez-le, puis refaites votre modification.",
            (await Json(stale, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Vendeuse", (await Json(await manager.GetAsync(url))).GetProperty("job").GetString());
        Assert.Equal("Caissière", (await Json(await PutIfMatchAsync(manager, $"{url}/terms", new { job = "Caissière" },
            saved.GetProperty("version").GetUInt32()))).GetProperty("job").GetString());
    }

    [Fact]
    public async Task Undecided_20_days_after_its_transmission_a_contract_is_accepted_by_the_daily_run_with_a_binding_commitment_then_runs_and_ends()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.ContratPro);
        var administrator = await World.AdministratorAsync();
        // Five years ahead: an envelope nobody credits, so only a binding commitment can be recorded on it.
        var start = new DateOnly(DateTime.UtcNow.Year + 5, 1, 5);
        var (id, number) = await World.CompleteContractAsync(manager, company.Siret, start);
        var url = $"{ContractsOf(company.Siret)}/{id}";
        await Json(await manager.PostAsync($"{url}/transmission", null));
        var transmittedOn = ParisCalendar.Today(TimeProvider.System);

        // The day before the deadline, the run leaves it alone; on the deadline, it accepts it.
        await RunDailyAsync(transmittedOn.AddDays(19));
        Assert.Equal("Transmitted", (await Json(await manager.GetAsync(url))).GetProperty("status").GetString());
        Assert.True((await RunDailyAsync(transmittedOn.AddDays(20))).AcceptedBySilence >= 1);
        JsonElement accepted = default;
        await Eventually.HoldsAsync(async () =>
        {
            accepted = await Json(await manager.GetAsync(url));
            return accepted.GetProperty("status").GetString() == "Accepted";
        }, Delivery, "finance records the binding commitment and the contract is taken in charge");
        Assert.True(accepted.GetProperty("silentAcceptance").GetBoolean());
        var silence = accepted.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("to").GetString() == "AcceptancePending");
        Assert.Equal(("Suivi quotidien des contrats", "Sans décision de l'OPCO dans les 20 jours suivant sa transmission, le contrat est réputé accepté."),
            (silence.GetProperty("by").GetString(), silence.GetProperty("reason").GetString()));
        var figures = await ProfessionalisationFiguresAsync(administrator, start.Year);
        Assert.True(figures.GetProperty("availableForCommitment").GetDecimal() <= -5040m, figures.ToString());
        await Eventually.HoldsAsync(async () =>
        {
            var notifications = await manager.GetFromJsonAsync<JsonElement>("/api/notification/me/notifications");
            return notifications.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("title").GetString() == $"Contrat de pro n° {number} : Pris en charge"
                && n.GetProperty("body").GetString()!.Contains("réputé accepté"));
        }, Delivery, "the acceptance by silence is notified with its reason");

        // The advisor can no longer refuse it.
        Assert.Equal(HttpStatusCode.Conflict,
            (await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/contracts/{id}/refusal", new { reason = "Trop tard" })).StatusCode);

        // From its start it is « En cours », after its end « Terminé ».
        Assert.True((await RunDailyAsync(start)).Followed >= 1);
        Assert.Equal("InProgress", (await Json(await manager.GetAsync(url))).GetProperty("status").GetString());
        await RunDailyAsync(start.AddMonths(12).AddDays(-1));
        Assert.Equal("InProgress", (await Json(await manager.GetAsync(url))).GetProperty("status").GetString());
        await RunDailyAsync(start.AddMonths(12));
        Assert.Equal("Finished", (await Json(await manager.GetAsync(url))).GetProperty("status").GetString());
    }

    /// <summary>The daily run of a dossier service whose clock reads <paramref name="day"/> (noon in Paris), on the real database and broker.</summary>
    private async Task<ContractDailyRun.Outcome> RunDailyAsync(DateOnly day)
    {
        var shift = day.ToDateTime(new TimeOnly(12, 0)) - ParisCalendar.Today(TimeProvider.System).ToDateTime(new TimeOnly(12, 0));
        await using var service = InProcessService.Create<Opco.Dossier.Data.DossierDbContext>(fixture.App, "dossier")
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new ShiftedTime(shift))));
        return await service.Services.GetRequiredService<ContractDailyRun>().RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The system clock moved by whole days.</summary>
    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}

/// <summary>The tests that create contracts: the daily run with a moved clock would accept any other test's contract.</summary>
[CollectionDefinition(Name)]
public sealed class ContractsCollection
{
    public const string Name = "Contrats de professionnalisation";
}
