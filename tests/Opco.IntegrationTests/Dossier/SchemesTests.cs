using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.Identity.Domain;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// The schemes offered on the preferred establishment, from the dossier service's copies of onboarding's companies and
/// identity's preferred establishments, kept by their events: the real services publish, the real dossier service copies.
/// </summary>
public sealed class SchemesTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Scope = "openid profile email identity dossier";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private OnboardingWorld? _world;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    [Fact]
    public async Task Plan_and_subrogation_follow_the_offer_and_headcount_of_the_preferred_establishments_company()
    {
        var small = await _world!.CompanyAsync(headcount: 5);
        var large = await _world.CompanyAsync(headcount: 50);
        var member = await _world.CompanyAsync(headcount: 200, serviceOffer: "DEFi Performance");
        // Created with its preferred establishment set, as a manager's "Ajouter" does: identity must publish it.
        var (user, _) = await SignInAsync(u => u.PreferredSiret = small.Sirets[0], small.Sirets[0], large.Sirets[0], member.Sirets[0]);

        var offered = await OfferedWhenAsync(user, o => o.GetProperty("preferredSiret").GetString() == small.Sirets[0] && o.GetProperty("headcount").ValueKind != JsonValueKind.Null);
        Assert.True(Scheme(offered, "Plan").GetProperty("offered").GetBoolean());
        Assert.True(Scheme(offered, "Plan").GetProperty("directPaymentOffered").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await user.PutAsJsonAsync("/api/identity/me/preferred-establishment", new { siret = large.Sirets[0] })).StatusCode);
        offered = await OfferedWhenAsync(user, o => o.GetProperty("preferredSiret").GetString() == large.Sirets[0]);
        var plan = Scheme(offered, "Plan");
        Assert.False(plan.GetProperty("offered").GetBoolean());
        Assert.Equal("Le dispositif « Plan de développement des compétences » est proposé aux entreprises bénéficiant de l'offre DEFi Performance "
                     + $"ou de moins de 11 salariés. L'entreprise de votre établissement préféré (SIRET {large.Sirets[0]}) a aucune offre de service et 50 salariés.",
            plan.GetProperty("reason").GetString());
        Assert.False(plan.GetProperty("directPaymentOffered").GetBoolean());
        Assert.True(Scheme(offered, "SelectionDefi").GetProperty("offered").GetBoolean());
        Assert.Equal("Pour changer d'établissement préféré, rendez-vous dans « Mon profil ».", offered.GetProperty("howToChange").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await user.PutAsJsonAsync("/api/identity/me/preferred-establishment", new { siret = member.Sirets[0] })).StatusCode);
        offered = await OfferedWhenAsync(user, o => o.GetProperty("preferredSiret").GetString() == member.Sirets[0]);
        Assert.True(Scheme(offered, "Plan").GetProperty("offered").GetBoolean());
    }

    [Fact]
    public async Task Only_an_administrator_changes_a_schemes_ceilings_and_bad_values_get_french_messages()
    {
        var (administrator, _) = await SignInAsync(u => u.StaffRole = StaffRole.Administrator);
        var (manager, _) = await SignInAsync(null, (await _world!.CompanyAsync()).Sirets[0]);
        var before = (await administrator.GetFromJsonAsync<JsonElement>("/api/dossier/schemes")).EnumerateArray()
            .Single(s => s.GetProperty("code").GetString() == "VersementVolontaire");
        var meal = before.GetProperty("mealCost").GetDecimal() == 20.00m ? 21.50m : 20.00m;
        var form = new Dictionary<string, object?>
        {
            ["label"] = before.GetProperty("label").GetString(), ["isActive"] = true, ["catalogueOnly"] = false,
            ["directPaymentRequiredOffer"] = "DEFi Performance", ["directPaymentMaxHeadcount"] = 10,
            ["teachingCostPerHour"] = 30.00m, ["salaryCostPerHour"] = 11.88m, ["mealCost"] = meal, ["nightCost"] = 90.00m, ["costPerKm"] = 0.30m,
            ["maxPerAction"] = 15000.00m,
        };

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/dossier/schemes/VersementVolontaire", form)).StatusCode);
        var saved = await administrator.PutAsJsonAsync("/api/dossier/schemes/VersementVolontaire", form);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = (await manager.GetFromJsonAsync<JsonElement>("/api/dossier/schemes")).EnumerateArray()
            .Single(s => s.GetProperty("code").GetString() == "VersementVolontaire");
        Assert.Equal(meal, after.GetProperty("mealCost").GetDecimal());

        form["mealCost"] = -1m;
        var refused = await administrator.PutAsJsonAsync("/api/dossier/schemes/VersementVolontaire", form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Le plafond doit être positif ou nul.",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("mealCost")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await administrator.PutAsJsonAsync("/api/dossier/schemes/Inconnu", form)).StatusCode);
    }

    private Task<(HttpClient Api, Guid Id)> SignInAsync(Action<UserAccount>? arrange, params string[] sirets) =>
        SignInAsync(fixture, _world!, arrange, sirets);

    internal static async Task<(HttpClient Api, Guid Id)> SignInAsync(AppFixture fixture, OnboardingWorld world, Action<UserAccount>? arrange,
        params string[] sirets)
    {
        var account = await world.Users.CreateAsync(TestEmails.Unique("dispositifs"), arrange,
            sirets.ToDictionary(s => s, _ => new[] { Habilitation.PriseEnCharge }));
        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        var outcome = await oidc.SignInWithCodeAsync(account.Email!, IdentityUsers.Password, Scope);
        var api = fixture.App.CreateHttpClient("gateway");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", outcome.Tokens!.Value.GetProperty("access_token").GetString());
        return (api, account.Id);
    }

    internal static async Task<JsonElement> OfferedWhenAsync(HttpClient api, Func<JsonElement, bool> condition)
    {
        JsonElement last = default;
        await Eventually.HoldsAsync(async () =>
        {
            last = await api.GetFromJsonAsync<JsonElement>("/api/dossier/schemes/offered");
            return last.GetProperty("preferredSiret").ValueKind != JsonValueKind.Null && condition(last);
        }, Delivery, "the dossier service's copies are up to date");
        return last;
    }

    internal static JsonElement Scheme(JsonElement offered, string code) =>
        offered.GetProperty("schemes").EnumerateArray().Single(s => s.GetProperty("code").GetString() == code);
}
