using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// The catalogue Sélection DEFi Formations through the gateway: administrators manage and publish offers, every habilitation
/// searches them (words with accents missing and typos, theme, region, period, pages), and « Demander la prise en charge »
/// opens a draft pre-filled from the offer and the session on an establishment where the user may create dossiers.
/// Each test's offers carry a word of their own, so other tests' offers never match.
/// </summary>
public sealed class CatalogueTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Search = "/api/dossier/catalogue/offers";
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Only_an_administrator_manages_offers_and_companies_see_one_once_published_with_its_sessions_to_come()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorAsync();
        var provider = await World.ProviderAsync(manager, company.Siret);
        var tag = OnboardingWorld.UniqueWord().ToLowerInvariant();
        var form = new
        {
            title = $"Sécurité incendie {tag}", theme = "Sécurité", trainingProviderId = provider, hours = 7m, nature = "ActionFormation",
            modality = "Presentiel", price = 300m, coveredAmount = 300m, description = "Manipuler un extincteur.",
        };

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(CatalogueAdmin, form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(CatalogueAdmin)).StatusCode);

        var invalid = await Json(await administrator.PostAsJsonAsync(CatalogueAdmin, form with { coveredAmount = 300.01m, title = " " }),
            HttpStatusCode.BadRequest);
        Assert.Equal("L'intitulé est obligatoire.", invalid.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal("La prise en charge par l'OPCO ne peut pas dépasser le prix de la formation.",
            invalid.GetProperty("errors").GetProperty("coveredAmount")[0].GetString());

        var id = (await Json(await administrator.PostAsJsonAsync(CatalogueAdmin, form), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"{CatalogueAdmin}/{id}/publication", null)).StatusCode);
        var noSession = await Json(await administrator.PostAsync($"{CatalogueAdmin}/{id}/publication", null), HttpStatusCode.BadRequest);
        Assert.Equal("Ajoutez au moins une session à venir avant de publier l'offre.", noSession.GetProperty("errors").GetProperty("sessions")[0].GetString());
        var start = Today.AddDays(20);
        await Json(await administrator.PostAsJsonAsync($"{CatalogueAdmin}/{id}/sessions",
            new { startDate = Day(start), endDate = Day(start), place = "Nantes", region = "Pays de la Loire", seatsLeft = 6 }));
        await Json(await administrator.PostAsJsonAsync($"{CatalogueAdmin}/{id}/sessions",
            new { startDate = Day(Today.AddDays(-3)), endDate = Day(Today.AddDays(-3)), place = "Angers", region = "Pays de la Loire", seatsLeft = 2 }));

        // Unpublished: the administrators see it, the companies neither in the search nor by its address.
        Assert.Contains((await Json(await administrator.GetAsync($"{CatalogueAdmin}?q={tag}"))).EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Search}/{id}")).StatusCode);
        Assert.Equal(0, (await Json(await manager.GetAsync($"{Search}?q={tag}"))).GetProperty("total").GetInt32());

        await Json(await administrator.PostAsync($"{CatalogueAdmin}/{id}/publication", null));
        var offer = await Json(await manager.GetAsync($"{Search}/{id}"));
        Assert.Equal($"Sécurité incendie {tag}", offer.GetProperty("title").GetString());
        Assert.Equal("Institut Avenir Formation", offer.GetProperty("providerName").GetString());
        Assert.Equal("Sélection DEFi", offer.GetProperty("schemeLabel").GetString());
        var session = Assert.Single(offer.GetProperty("sessions").EnumerateArray());
        Assert.Equal((Day(start), "Nantes", 6), (session.GetProperty("startDate").GetString(), session.GetProperty("place").GetString(),
            session.GetProperty("seatsLeft").GetInt32()));
        Assert.Equal(1, (await Json(await manager.GetAsync($"{Search}?q={tag}"))).GetProperty("total").GetInt32());

        await Json(await administrator.DeleteAsync($"{CatalogueAdmin}/{id}/publication"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Search}/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_search_tolerates_missing_accents_and_typos_filters_by_theme_region_and_period_and_pages_soonest_first()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        // Any habilitation reads the catalogue.
        var reader = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        var provider = await World.ProviderAsync(manager, company.Siret);
        var tag = OnboardingWorld.UniqueWord().ToLowerInvariant();
        var pastry = (await CatalogueOfferAsync(administrator, provider, $"Pâtisserie fine {tag}", $"Métiers de bouche {tag}", (40, "Bretagne", 5))).Id;
        var bakery = (await CatalogueOfferAsync(administrator, provider, $"Boulangerie artisanale {tag}", $"Métiers de bouche {tag}", (100, "Occitanie", 5))).Id;
        var accounting = (await CatalogueOfferAsync(administrator, provider, $"Comptabilité générale {tag}", $"Gestion {tag}", (70, "Île-de-France", 5))).Id;

        // The total and the page's offers in order, comparable as one value.
        async Task<(int Total, string Ids)> FindAsync(string query)
        {
            var page = await Json(await reader.GetAsync($"{Search}?{query}"));
            return (page.GetProperty("total").GetInt32(), Ids([.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())]));
        }

        Assert.Equal((1, Ids(pastry)), await FindAsync($"q=patiserie%20{tag}"));
        Assert.Equal((1, Ids(bakery)), await FindAsync($"q=BOULANGRIE%20{tag}"));
        Assert.Equal((1, Ids(accounting)), await FindAsync($"q=comptabilite%20{tag}"));
        Assert.Equal((3, Ids(pastry, accounting, bakery)), await FindAsync($"q={tag}"));
        Assert.Equal((3, Ids(pastry, accounting)), await FindAsync($"q={tag}&pageSize=2"));
        Assert.Equal((3, Ids(bakery)), await FindAsync($"q={tag}&pageSize=2&page=2"));
        Assert.Equal((2, Ids(pastry, bakery)), await FindAsync($"theme={Uri.EscapeDataString($"Métiers de bouche {tag}")}"));
        Assert.Equal((1, Ids(pastry)), await FindAsync($"q={tag}&region=bretagne"));
        Assert.Equal((1, Ids(accounting)), await FindAsync($"q={tag}&from={Day(Today.AddDays(60))}&to={Day(Today.AddDays(80))}"));
        Assert.Equal((0, Ids()), await FindAsync($"q={tag}&region=Corse"));

        var row = (await Json(await reader.GetAsync($"{Search}?q=patisserie%20{tag}"))).GetProperty("items")[0];
        Assert.Equal(("Mixte", 1200m, 900m), (row.GetProperty("modalityLabel").GetString(), row.GetProperty("price").GetDecimal(),
            row.GetProperty("coveredAmount").GetDecimal()));
        Assert.Equal(Day(Today.AddDays(40)), row.GetProperty("nextSessions")[0].GetProperty("startDate").GetString());

        var wrong = await Json(await reader.GetAsync($"{Search}?from={Day(Today.AddDays(10))}&to={Day(Today)}&region=Atlantide"), HttpStatusCode.BadRequest);
        Assert.Equal("La fin de la période ne peut pas précéder son début.", wrong.GetProperty("errors").GetProperty("to")[0].GetString());
        Assert.Equal("Cette région n'existe pas.", wrong.GetProperty("errors").GetProperty("region")[0].GetString());
    }

    private static string Ids(params Guid[] ids) => string.Join(", ", ids);

    [Fact]
    public async Task Asking_funding_opens_a_draft_on_the_users_establishment_filled_from_the_offer_and_the_session_only_with_creer_dossier()
    {
        var company = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var reader = await World.UserAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        var provider = await World.ProviderAsync(manager, company.Siret);
        var tag = OnboardingWorld.UniqueWord().ToLowerInvariant();
        var (offer, sessions) = await CatalogueOfferAsync(administrator, provider, $"Anglais professionnel {tag}", "Langues",
            (45, "Grand Est", 4), (90, "Grand Est", 0));
        var request = $"{Dossiers(company.Siret)}/from-catalogue";

        // A reader of the catalogue without « Créer un dossier »: refused, though the offer is theirs to see.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{Search}/{offer}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync(request, new { offerId = offer, sessionId = sessions[0] })).StatusCode);
        // Nor on another company's establishment.
        Assert.Equal(HttpStatusCode.NotFound,
            (await manager.PostAsJsonAsync($"{Dossiers(other.Siret)}/from-catalogue", new { offerId = offer, sessionId = sessions[0] })).StatusCode);
        // A full session: nothing is created.
        var full = await Json(await manager.PostAsJsonAsync(request, new { offerId = offer, sessionId = sessions[1] }), HttpStatusCode.BadRequest);
        Assert.Equal("Cette session est complète : choisissez une autre session.", full.GetProperty("errors").GetProperty("sessionId")[0].GetString());
        Assert.Equal(0, await World.CountAsync("dossierdb", "SELECT count(*) FROM dossiers WHERE \"Siret\" = @p", company.Siret));

        var draft = await Json(await manager.PostAsJsonAsync(request, new { offerId = offer, sessionId = sessions[0] }), HttpStatusCode.Created);
        var start = Today.AddDays(45);
        Assert.Equal(company.Siret, draft.GetProperty("siret").GetString());
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("SelectionDefi", draft.GetProperty("schemeCode").GetString());
        Assert.Equal($"Anglais professionnel {tag}", draft.GetProperty("title").GetString());
        Assert.Equal(("ActionFormation", "Mixte"), (draft.GetProperty("nature").GetString(), draft.GetProperty("modality").GetString()));
        Assert.Equal((Day(start), Day(start.AddDays(1))), (draft.GetProperty("startDate").GetString(), draft.GetProperty("endDate").GetString()));
        Assert.Equal(14m, draft.GetProperty("hours").GetDecimal());
        Assert.Equal("Centre de Grand Est", draft.GetProperty("place").GetString());
        Assert.Equal(provider, draft.GetProperty("provider").GetProperty("id").GetGuid());
        // The entry goes on at step 1 (subrogation is the user's choice); steps 2 and 3 are complete.
        Assert.Equal(1, draft.GetProperty("currentStep").GetInt32());
        var steps = draft.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("number").GetInt32(), s => s.GetProperty("complete").GetBoolean());
        Assert.True(steps[2] && steps[3]);
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal(id, (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("id").GetGuid());
        // Nothing reserved: the seats are what the OPCO counts.
        var seats = (await Json(await manager.GetAsync($"{Search}/{offer}"))).GetProperty("sessions")[0].GetProperty("seatsLeft").GetInt32();
        Assert.Equal(4, seats);
        Assert.Equal(offer, draft.GetProperty("catalogueOfferId").GetGuid());

        // « Sélection DEFi » funds the catalogue's trainings only: its draft keeps the offer's provider...
        var otherProvider = await World.ProviderAsync(manager, company.Siret);
        var changed = await Json(await manager.PutAsJsonAsync($"{Dossiers(company.Siret)}/{id}/provider", new { trainingProviderId = otherProvider }),
            HttpStatusCode.BadRequest);
        Assert.StartsWith("Ce dispositif finance uniquement les formations du catalogue",
            changed.GetProperty("errors").GetProperty("trainingProviderId")[0].GetString());
        // ...and a dossier started by hand cannot choose it, while it can choose another scheme.
        var byHand = (await Json(await manager.PostAsync(Dossiers(company.Siret), null), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var chosen = await Json(await manager.PutAsJsonAsync($"{Dossiers(company.Siret)}/{byHand}/frame", new { schemeCode = "SelectionDefi", directPayment = false }),
            HttpStatusCode.BadRequest);
        Assert.StartsWith("Ce dispositif finance uniquement les formations du catalogue Sélection DEFi Formations",
            chosen.GetProperty("errors").GetProperty("schemeCode")[0].GetString());
        var plan = await Json(await manager.PutAsJsonAsync($"{Dossiers(company.Siret)}/{byHand}/frame", new { schemeCode = "VersementVolontaire", directPayment = false }));
        Assert.Equal("VersementVolontaire", plan.GetProperty("schemeCode").GetString());
    }
}
