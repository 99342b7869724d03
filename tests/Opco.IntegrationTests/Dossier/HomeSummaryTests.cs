using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// The home page's dossier side through the gateway: one establishment's dossiers needing action and contrats de pro
/// with a deadline, each block only with its habilitation there, another establishment's never; no money without Reporting.
/// </summary>
public sealed class HomeSummaryTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    private static string Home(string siret) => $"/api/dossier/establishments/{siret}/home";

    [Fact]
    public async Task The_blocks_show_the_establishment_s_dossiers_needing_action_and_contracts_with_a_deadline_and_nothing_of_another()
    {
        var company = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge, Habilitation.ContratPro);
        var otherManager = await World.UserAsync(other.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorAsync();

        var draft = (await Json(await manager.PostAsync(Dossiers(company.Siret), null), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (awaiting, _) = await World.CompleteDossierAsync(manager, company.Siret);
        var (refused, _) = await World.CompleteDossierAsync(manager, company.Siret);
        var (untouched, _) = await World.CompleteDossierAsync(manager, company.Siret);
        foreach (var id in new[] { awaiting, refused, untouched })
            await Json(await manager.PostAsync($"{Dossiers(company.Siret)}/{id}/transmission", null));
        await RunNightlyAsync(administrator);
        await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{awaiting}/documents-request", new { documents = "Le programme signé." }));
        await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{refused}/refusal", new { reason = "Hors périmètre." }));
        var (transmitted, transmittedNumber) = await World.CompleteContractAsync(manager, company.Siret);
        await Json(await manager.PostAsync($"{ContractsOf(company.Siret)}/{transmitted}/transmission", null));
        var contractDraft = (await Json(await manager.PostAsync(ContractsOf(company.Siret), null), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var otherDraft = (await Json(await otherManager.PostAsync(Dossiers(other.Siret), null), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var home = await Json(await manager.GetAsync(Home(company.Siret)));

        var dossiers = home.GetProperty("dossiers");
        Assert.Equal((1, 1, 1), (dossiers.GetProperty("drafts").GetInt32(), dossiers.GetProperty("awaitingDocuments").GetInt32(),
            dossiers.GetProperty("recentDecisions").GetInt32()));
        var lines = dossiers.GetProperty("lines").EnumerateArray().ToList();
        // Documents asked first (with their deadline), then the others by last change; the one under review needs nothing.
        Assert.Equal(awaiting, lines[0].GetProperty("id").GetGuid());
        Assert.Equal("En attente de compléments", lines[0].GetProperty("statusLabel").GetString());
        Assert.NotEqual(JsonValueKind.Null, lines[0].GetProperty("documentsDueOn").ValueKind);
        Assert.Equal([draft, refused], lines.Skip(1).Select(l => l.GetProperty("id").GetGuid()).Order());
        Assert.DoesNotContain(lines, l => l.GetProperty("id").GetGuid() == untouched);
        Assert.Equal(400m, lines.Single(l => l.GetProperty("id").GetGuid() == refused).GetProperty("requestedAmount").GetDecimal());

        var contracts = home.GetProperty("contracts");
        Assert.Equal((1, 1), (contracts.GetProperty("drafts").GetInt32(), contracts.GetProperty("awaitingDecision").GetInt32()));
        var contractLines = contracts.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([transmitted, contractDraft], contractLines.Select(l => l.GetProperty("id").GetGuid()));
        Assert.Equal(transmittedNumber, contractLines[0].GetProperty("number").GetInt64());
        Assert.StartsWith("Décision attendue avant le ", contractLines[0].GetProperty("decisionDueText").GetString());
        Assert.Equal(JsonValueKind.Null, contractLines[1].GetProperty("decisionDueText").ValueKind);

        // Another establishment's dossiers are never in it, and its users cannot read this one's.
        Assert.DoesNotContain(lines, l => l.GetProperty("id").GetGuid() == otherDraft);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync(Home(company.Siret))).StatusCode);
        var otherHome = await Json(await otherManager.GetAsync(Home(other.Siret)));
        Assert.Equal(otherDraft, Assert.Single(otherHome.GetProperty("dossiers").GetProperty("lines").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Each_block_needs_its_habilitation_and_money_needs_reporting()
    {
        var company = await World.CompanyAsync();
        var dossiersOnly = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var reportingOnly = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var contractsOnly = await World.UserAsync(company.Siret, Habilitation.ContratPro);
        var draft = (await Json(await dossiersOnly.PostAsync(Dossiers(company.Siret), null), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var forDossiers = await Json(await dossiersOnly.GetAsync(Home(company.Siret)));
        Assert.Equal(draft, Assert.Single(forDossiers.GetProperty("dossiers").GetProperty("lines").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, forDossiers.GetProperty("contracts").ValueKind);

        var forReporting = await Json(await reportingOnly.GetAsync(Home(company.Siret)));
        Assert.Equal(JsonValueKind.Null, forReporting.GetProperty("dossiers").ValueKind);
        Assert.Equal(JsonValueKind.Null, forReporting.GetProperty("contracts").ValueKind);

        var forContracts = await Json(await contractsOnly.GetAsync(Home(company.Siret)));
        Assert.Equal(JsonValueKind.Null, forContracts.GetProperty("dossiers").ValueKind);
        Assert.Equal(0, forContracts.GetProperty("contracts").GetProperty("drafts").GetInt32());

        // The home page's money is finance's « Mon plan »: the Reporting user sees the company's, the dossier user none.
        await Eventually.HoldsAsync(async () => (await Json(await reportingOnly.GetAsync("/api/finance/accounts"))).GetProperty("companies")
                .EnumerateArray().Any(c => c.GetProperty("siren").GetString() == company.Siren),
            Delivery, "finance lets the Reporting user see the company's accounts");
        await Eventually.HoldsAsync(async () => await World.CountAsync("financedb", "SELECT count(*) FROM user_habilitations WHERE siret = @p", company.Siret) == 3,
            Delivery, "finance knows all three users' rights");
        Assert.Empty((await Json(await dossiersOnly.GetAsync("/api/finance/accounts"))).GetProperty("companies").EnumerateArray());
        Assert.Empty((await Json(await contractsOnly.GetAsync("/api/finance/accounts"))).GetProperty("companies").EnumerateArray());
    }
}
