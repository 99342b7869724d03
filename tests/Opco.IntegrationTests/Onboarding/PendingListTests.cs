using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>
/// "Demandes de création de compte" (seed 003): who sees which pending requests, the columns and every sort; and a
/// manager can neither see nor decide requests of establishments they do not manage.
/// </summary>
public sealed class PendingListTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Endpoint = "/api/onboarding/account-requests";
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    private sealed record Scene(Person Manager, Person OtherManager, Person Advisor, Person OtherAdvisor, Guid[] Requests, Guid AdvisorRequest,
        TestCompany Zenith, TestCompany Abeille);

    /// <summary>r0..r3 on ZÉNITH's head office, r4 on ABEILLE's; the manager manages both sites, the other manager ZÉNITH's branch.</summary>
    private async Task<Scene> SceneAsync()
    {
        var word = OnboardingWorld.UniqueWord();
        var advisor = await World.AdvisorAsync();
        var otherAdvisor = await World.AdvisorAsync();
        var zenith = await World.CompanyAsync($"ZÉNITH {word} SAS", advisor.Email, sites: 2);
        var abeille = await World.CompanyAsync($"ABEILLE {word} SARL", advisor.Email);
        var unmanaged = await World.CompanyAsync($"CASCADE {word} SA", advisor.Email);
        var manager = await World.ManagerAsync("Liste", [zenith.Sirets[0], abeille.Sirets[0]]);
        var otherManager = await World.ManagerAsync("Voisin", [zenith.Sirets[1]]);

        Dictionary<string, object?> Wizard(string last, string first, string job, string siret)
        {
            var form = OnboardingWorld.WizardForm(TestEmails.Unique("liste"), siret);
            (form["lastName"], form["firstName"], form["jobTitle"]) = (last, first, job);
            return form;
        }
        Dictionary<string, object?> Defi(string last, string first, string siret, string? email = null)
        {
            var form = OnboardingWorld.DefiForm(email ?? TestEmails.Unique("liste"), siret);
            (form["lastName"], form["firstName"]) = (last, first);
            return form;
        }
        var requests = new List<Guid>();
        foreach (var form in new[]
                 {
                     Wizard("Zola", "Émile", "Romancier", zenith.Sirets[0]),
                     Defi("Éluard", "Paul", zenith.Sirets[0]),
                     Wizard("bernard", "claude", "Biologiste", zenith.Sirets[0]),
                     // The other manager's address has an account: a "Rattachement".
                     Defi("Ampère", "André", zenith.Sirets[0], otherManager.Email),
                     Defi("Curie", "Marie", abeille.Sirets[0]),
                 })
            requests.Add(await World.SubmitAsync(form));
        var advisorRequest = await World.SubmitAsync(Defi("Pasteur", "Louis", unmanaged.Sirets[0]));
        return new Scene(manager, otherManager, advisor, otherAdvisor, [.. requests], advisorRequest, zenith, abeille);
    }

    private static async Task<(int Total, List<JsonElement> Items)> ListAsync(Person person, string query = "")
    {
        var response = await person.Api.GetAsync($"{Endpoint}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("total").GetInt32(), [.. body.GetProperty("items").EnumerateArray()]);
    }

    private static List<Guid> Ids(IEnumerable<JsonElement> items, IEnumerable<Guid> among) =>
        [.. items.Select(i => i.GetProperty("id").GetGuid()).Where(among.Contains)];

    [Fact]
    public async Task A_manager_lists_the_requests_of_the_establishments_they_manage_with_the_seed_columns()
    {
        var scene = await SceneAsync();

        var (total, items) = await ListAsync(scene.Manager);

        Assert.Equal(5, total);
        Assert.Equal(scene.Requests.Order(), items.Select(i => i.GetProperty("id").GetGuid()).Order());
        var ampere = items.Single(i => i.GetProperty("id").GetGuid() == scene.Requests[3]);
        Assert.Equal(("Ampère", "André", "Rattachement", scene.Zenith.Name, scene.Zenith.Sirets[0], scene.Zenith.Names[0]),
            (S(ampere, "lastName"), S(ampere, "firstName"), S(ampere, "kind"), S(ampere, "companyName"), S(ampere, "siret"), S(ampere, "establishmentName")));
        var zola = items.Single(i => i.GetProperty("id").GetGuid() == scene.Requests[0]);
        Assert.Equal(("Romancier", "Ouverture"), (S(zola, "jobTitle"), S(zola, "kind")));
        Assert.True(zola.GetProperty("requestedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Every_column_sorts_both_ways()
    {
        var scene = await SceneAsync();
        var r = scene.Requests;
        // Ties keep the order of the requests' dates.
        var expected = new Dictionary<string, (Guid[] Ascending, Guid[] Descending)>
        {
            // French order: accents and case do not scatter names.
            ["lastName"] = ([r[3], r[2], r[4], r[1], r[0]], [r[0], r[1], r[4], r[2], r[3]]),
            ["firstName"] = ([r[3], r[2], r[0], r[4], r[1]], [r[1], r[4], r[0], r[2], r[3]]),
            // No "Fonction" (DEFi form) sorts first.
            ["jobTitle"] = ([r[1], r[3], r[4], r[2], r[0]], [r[0], r[2], r[1], r[3], r[4]]),
            ["companyName"] = ([r[4], r[0], r[1], r[2], r[3]], [r[0], r[1], r[2], r[3], r[4]]),
            ["kind"] = ([r[0], r[1], r[2], r[4], r[3]], [r[3], r[0], r[1], r[2], r[4]]),
            ["requestedAt"] = ([r[0], r[1], r[2], r[3], r[4]], [r[4], r[3], r[2], r[1], r[0]]),
        };
        foreach (var (sort, (ascending, descending)) in expected)
        {
            Assert.Equal(ascending, Ids((await ListAsync(scene.Manager, $"?sort={sort}&direction=asc")).Items, r));
            Assert.Equal(descending, Ids((await ListAsync(scene.Manager, $"?sort={sort}&direction=desc")).Items, r));
        }
    }

    [Fact]
    public async Task The_list_pages_in_the_sort_asked_and_counts_every_request()
    {
        var scene = await SceneAsync();
        var r = scene.Requests;

        var first = await ListAsync(scene.Manager, "?sort=requestedAt&direction=asc&pageSize=2");
        var second = await ListAsync(scene.Manager, "?sort=requestedAt&direction=asc&pageSize=2&page=2");
        var last = await ListAsync(scene.Manager, "?sort=requestedAt&direction=asc&pageSize=2&page=3");
        var beyond = await ListAsync(scene.Manager, "?sort=requestedAt&direction=asc&pageSize=2&page=4");

        Assert.Equal([5, 5, 5, 5], new[] { first.Total, second.Total, last.Total, beyond.Total });
        Assert.Equal([r[0], r[1]], Ids(first.Items, r));
        Assert.Equal([r[2], r[3]], Ids(second.Items, r));
        Assert.Equal([r[4]], Ids(last.Items, r));
        Assert.Empty(beyond.Items);
    }

    [Theory]
    [InlineData("?sort=email", "sort")]
    [InlineData("?direction=up", "direction")]
    public async Task An_unknown_sort_is_a_400_with_a_french_message(string query, string field)
    {
        var scene = await SceneAsync();
        var response = await scene.Manager.Api.GetAsync($"{Endpoint}{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_advisor_lists_only_the_establishments_without_a_manager_of_their_companies()
    {
        var scene = await SceneAsync();

        var (_, mine) = await ListAsync(scene.Advisor);
        var (_, someoneElses) = await ListAsync(scene.OtherAdvisor);

        Assert.Equal([scene.AdvisorRequest], Ids(mine, [.. scene.Requests, scene.AdvisorRequest]));
        Assert.Empty(Ids(someoneElses, [.. scene.Requests, scene.AdvisorRequest]));
    }

    [Fact]
    public async Task A_manager_cannot_see_or_decide_requests_of_establishments_they_do_not_manage()
    {
        var scene = await SceneAsync();
        var request = scene.Requests[0];

        Assert.Empty(Ids((await ListAsync(scene.OtherManager)).Items, scene.Requests));
        Assert.Equal(HttpStatusCode.NotFound, (await scene.OtherManager.Api.GetAsync($"{Endpoint}/{request}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.OtherManager.Api.PostAsJsonAsync($"{Endpoint}/{request}/refuse", new { reason = "Non." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.OtherManager.Api.PostAsJsonAsync($"{Endpoint}/{scene.Requests[3]}/approve",
            new { habilitations = new[] { "PriseEnCharge" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.Advisor.Api.GetAsync($"{Endpoint}/{request}")).StatusCode);
        Assert.Equal("Pending", await World.StatusAsync(request));
        Assert.Equal("Pending", await World.StatusAsync(scene.Requests[3]));
        // And without a token, nothing at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await World.Gateway.GetAsync(Endpoint)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await World.Gateway.GetAsync($"{Endpoint}/{request}")).StatusCode);
    }

    private static string? S(JsonElement element, string property) => element.GetProperty(property).GetString();
}
