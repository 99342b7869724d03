using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Opco.Gateway;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>Every anonymous onboarding route is behind the gateway's public rate limit; the authenticated ones are not.</summary>
public sealed class PublicRoutesTests(AppFixture fixture)
{
    [Fact]
    public async Task The_search_the_sites_and_both_requests_share_the_public_limit()
    {
        await using var gateway = new WebApplicationFactory<GatewayOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            foreach (var service in Downstream.Services)
                builder.UseSetting($"services:{service}:http:0", fixture.App.GetEndpoint(service).ToString());
            builder.UseSetting("Gateway:PublicRateLimit:PermitLimit", "5");
        });
        using var http = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/onboarding/directory/companies?q=atelier")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/onboarding/directory/companies/404833048/establishments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/onboarding/account-requests/form")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/onboarding/registration-requests", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/onboarding/account-requests", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("/api/onboarding/directory/companies?q=atelier")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.PostAsJsonAsync("/api/onboarding/registration-requests", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/onboarding/account-requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/onboarding/registration-requests")).StatusCode);
    }
}
