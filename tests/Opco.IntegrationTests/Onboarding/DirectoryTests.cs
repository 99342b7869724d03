using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>"Recherchez votre entreprise" and "Sélectionnez votre site", anonymous, through the gateway.</summary>
public sealed class DirectoryTests(AppFixture fixture) : IAsyncLifetime
{
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    private async Task<List<JsonElement>> SearchAsync(string q, int? limit = null)
    {
        var response = await World.Gateway.GetAsync($"/api/onboarding/directory/companies?q={Uri.EscapeDataString(q)}{(limit is null ? "" : $"&limit={limit}")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    [Fact]
    public async Task A_company_is_found_by_its_name_whatever_the_accents_case_prefix_or_a_typo()
    {
        var word = OnboardingWorld.UniqueWord();
        var company = await World.CompanyAsync($"ÉBÉNISTERIE {word} FRÈRES SARL", serviceOffer: "DEFi Performance");
        string[] queries =
        [
            $"ébénisterie {word}", $"EBENISTERIE {word.ToLowerInvariant()} freres", $"ebenisterie {word[..5]}",
            $"{word.ToLowerInvariant()} frères", $"{word[..3]}X{word[4..]}", $"ebenisterie {word[..4]}{word[5..]}",
        ];
        foreach (var q in queries)
        {
            var hits = await SearchAsync(q);
            Assert.True(hits.Count > 0 && hits[0].GetProperty("siren").GetString() == company.Siren, $"'{q}' should find {company.Name} first");
        }
        var hit = (await SearchAsync($"ébénisterie {word}"))[0];
        Assert.Equal(company.Name, hit.GetProperty("name").GetString());
        Assert.Equal("LYON", hit.GetProperty("city").GetString());
        Assert.Equal("DEFi Performance", hit.GetProperty("serviceOffer").GetString());
    }

    [Fact]
    public async Task A_siren_or_a_siret_finds_its_company_with_or_without_spaces()
    {
        var company = await World.CompanyAsync(sites: 2);
        var siret = company.Sirets[1];
        foreach (var q in new[] { company.Siren, $"{company.Siren[..3]} {company.Siren[3..6]} {company.Siren[6..]}", siret, $"{siret[..9]} {siret[9..]}" })
            Assert.Equal([company.Siren], (await SearchAsync(q)).Select(h => h.GetProperty("siren").GetString()));
        Assert.Contains(company.Siren, (await SearchAsync(company.Siren[..6], limit: 20)).Select(h => h.GetProperty("siren").GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData(" é ")]
    [InlineData("12")]
    public async Task Fewer_than_two_characters_find_nothing(string q) => Assert.Empty(await SearchAsync(q));

    [Fact]
    public async Task The_limit_is_respected_and_capped()
    {
        var word = OnboardingWorld.UniqueWord();
        for (var i = 0; i < 3; i++) await World.CompanyAsync($"TRANSPORTS {word} {i} SAS");
        Assert.Equal(2, (await SearchAsync($"transports {word}", limit: 2)).Count);
        Assert.Equal(3, (await SearchAsync($"transports {word}", limit: 500)).Count);
    }

    [Fact]
    public async Task A_company_lists_its_sites_head_office_first_and_closed_ones_flagged()
    {
        var company = await World.CompanyAsync(sites: 3, closeLast: true);

        var response = await World.Gateway.GetAsync($"/api/onboarding/directory/companies/{company.Siren}/establishments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sites = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(company.Sirets, sites.Select(s => s.GetProperty("siret").GetString()));
        Assert.Equal([true, false, false], sites.Select(s => s.GetProperty("isHeadOffice").GetBoolean()));
        Assert.Equal([false, false, true], sites.Select(s => s.GetProperty("isClosed").GetBoolean()));
        Assert.Equal(("1 rue des Essais", "69003", "LYON"), (sites[0].GetProperty("address").GetString(), sites[0].GetProperty("postalCode").GetString(),
            sites[0].GetProperty("city").GetString()));
    }

    [Theory]
    [InlineData("404833048")]
    [InlineData("pas-un-siren")]
    public async Task An_unknown_company_is_a_404_problem(string siren)
    {
        var response = await World.Gateway.GetAsync($"/api/onboarding/directory/companies/{siren}/establishments");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_form_texts_remind_that_the_portal_is_not_the_cpf_platform_and_list_the_roles()
    {
        var form = await World.Gateway.GetFromJsonAsync<JsonElement>("/api/onboarding/account-requests/form");
        Assert.Contains("Ce n'est pas la plateforme Mon Compte Formation (CPF)", form.GetProperty("cpfNotice").GetString());
        Assert.Contains("Administrateur de l'établissement", form.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("label").GetString()));
    }
}
