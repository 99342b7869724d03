using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>The home page's banner and advisor contact, for the establishments a user holds a habilitation on only.</summary>
public sealed class EstablishmentOfferTests(AppFixture fixture) : IAsyncLifetime
{
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_user_sees_the_offer_and_advisor_of_their_establishment_and_nothing_of_others()
    {
        var advisor = await World.AdvisorAsync();
        var company = await World.CompanyAsync(advisorEmail: advisor.Email, serviceOffer: "DEFi Performance");
        var other = await World.CompanyAsync(serviceOffer: "DEFi Performance");
        var user = await World.ManagerAsync("Offre", [company.Sirets[0]], Habilitation.PriseEnCharge);

        var response = await user.Api.GetAsync($"/api/onboarding/establishments/{company.Sirets[0]}/offer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(company.Name, offer.GetProperty("companyName").GetString());
        Assert.Equal("DEFi Performance", offer.GetProperty("serviceOffer").GetString());
        Assert.Equal(advisor.Email, offer.GetProperty("advisor").GetProperty("email").GetString());
        Assert.Equal("Karim", offer.GetProperty("advisor").GetProperty("firstName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await user.Api.GetAsync($"/api/onboarding/establishments/{other.Sirets[0]}/offer")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await World.Gateway.GetAsync($"/api/onboarding/establishments/{company.Sirets[0]}/offer")).StatusCode);
    }
}
