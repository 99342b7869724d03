using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Opco.Gateway;

namespace Opco.IntegrationTests.Gateway;

/// <summary>A gateway of its own in front of the running services, with a small public limit to observe it.</summary>
public sealed class GatewayTests(AppFixture fixture)
{
    private WebApplicationFactory<GatewayOptions> Gateway(int permitLimit = 3, long maxBody = 10 * 1024 * 1024) =>
        new WebApplicationFactory<GatewayOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            foreach (var service in Downstream.Services)
                builder.UseSetting($"services:{service}:http:0", fixture.App.GetEndpoint(service).ToString());
            builder.UseSetting("Gateway:PublicRateLimit:PermitLimit", permitLimit.ToString());
            builder.UseSetting("Gateway:MaxRequestBodyBytes", maxBody.ToString());
        });

    [Fact]
    public async Task Public_endpoints_are_rate_limited_per_client_with_a_french_problem()
    {
        await using var gateway = Gateway(permitLimit: 3);
        using var http = gateway.CreateClient();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/onboarding/account-requests", new { })).StatusCode);
        var limited = await http.PostAsJsonAsync("/api/onboarding/account-requests", new { });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Trop de requêtes.", problem.GetProperty("title").GetString());
        Assert.True(limited.Headers.RetryAfter is not null);
        // The limit is for anonymous endpoints only: the health of the platform still answers.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Visitors_forwarded_by_the_web_front_end_each_have_their_own_budget()
    {
        await using var gateway = Gateway(permitLimit: 2);
        using var http = gateway.CreateClient();

        async Task<HttpStatusCode> SubmitForAsync(string visitor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/onboarding/account-requests") { Content = JsonContent.Create(new { }) };
            request.Headers.Add("X-Forwarded-For", visitor);
            return (await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await SubmitForAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.BadRequest, await SubmitForAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SubmitForAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.BadRequest, await SubmitForAsync("203.0.113.8"));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_reaches_a_service()
    {
        await using var gateway = Gateway(maxBody: 1024);
        gateway.UseKestrel(0);
        gateway.StartServer();
        using var http = gateway.CreateClient();

        var response = await http.PostAsync("/api/onboarding/account-requests",
            new StringContent($"{{\"lastName\":\"{new string('x', 4096)}\"}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Gateway_health_reports_each_downstream_service()
    {
        using var http = fixture.App.CreateHttpClient("gateway");
        Assert.Equal("Healthy", await http.GetStringAsync("/health"));

        await using var gateway = new WebApplicationFactory<GatewayOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("services:onboarding:http:0", "http://127.0.0.1:1");
        });
        var unhealthy = await gateway.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal("Unhealthy", await unhealthy.Content.ReadAsStringAsync());
    }
}
