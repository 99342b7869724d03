using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Opco.Gateway;
using Opco.IntegrationTests.Support;
using Yarp.ReverseProxy.Configuration;

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

    /// <summary>Anonymous by design but not limited, with why; each must still be mapped by some service (checked).</summary>
    private static readonly Dictionary<string, string> AnonymousNotLimited = new()
    {
        ["/health"] = "the platform's health, polled by the orchestrator and the gateway's own check",
        ["/alive"] = "liveness, polled by the orchestrator",
        ["/openapi/"] = "API descriptions, static documents",
        ["/scalar"] = "the API reference pages, Development only",
    };

    [Fact]
    public async Task Every_anonymous_endpoint_is_rate_limited_and_every_limited_route_serves_one()
    {
        var anonymous = new List<(string Method, string Path)>();
        foreach (var service in Downstream.Services)
        {
            var (factory, services) = Service(service);
            await using var _ = factory;
            // Anonymous: said so, or asking nothing of a service that has no fallback policy (identity's sign-in pages).
            var fallback = services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
            anonymous.AddRange(InProcessService.Endpoints(services)
                .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                            || (fallback is null && e.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null))
                .Select(e => (e.Method, "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/'))));
        }
        var settings = new ConfigurationBuilder().AddInMemoryCollection(
            Downstream.Services.Select(s => KeyValuePair.Create<string, string?>($"services:{s}:http:0", $"http://{s}"))).Build();
        var (routes, _) = ProxyConfigFactory.Build(settings);

        foreach (var excluded in AnonymousNotLimited.Keys)
            Assert.Contains(anonymous, e => e.Path.StartsWith(excluded, StringComparison.Ordinal));
        var mustBeLimited = anonymous.Where(e => !AnonymousNotLimited.Keys.Any(x => e.Path.StartsWith(x, StringComparison.Ordinal))).ToList();
        Assert.Contains(mustBeLimited, e => e.Path == "/connect/token");

        // YARP takes the matching route of lowest order; for an anonymous endpoint it must be a rate-limited one.
        var unlimited = mustBeLimited
            .Where(e => routes.Where(r => Matches(r, e.Method, e.Path)).MinBy(r => r.Order ?? 0)?.RateLimiterPolicy != ProxyConfigFactory.PublicRateLimitPolicy)
            .Select(e => $"{e.Method} {e.Path}").ToList();
        var stale = routes.Where(r => r.RateLimiterPolicy == ProxyConfigFactory.PublicRateLimitPolicy
                                      && !mustBeLimited.Any(e => Matches(r, e.Method, e.Path)))
            .Select(r => r.Match.Path).ToList();

        Assert.True(unlimited.Count == 0, $"anonymous but not rate-limited at the gateway: {string.Join(", ", unlimited)}");
        Assert.True(stale.Count == 0, $"rate-limited routes serving no anonymous endpoint: {string.Join(", ", stale)}");
    }

    /// <summary>The service built in process, to read its endpoint data sources.</summary>
    private (IAsyncDisposable Factory, IServiceProvider Services) Service(string service) => service switch
    {
        "identity" => Of(InProcessService.Create<Opco.Identity.Data.IdentityDbContext>(fixture.App, service)),
        "onboarding" => Of(InProcessService.Create<Opco.Onboarding.Data.OnboardingDbContext>(fixture.App, service)),
        "dossier" => Of(InProcessService.Create<Opco.Dossier.Data.DossierDbContext>(fixture.App, service)),
        "finance" => Of(InProcessService.Create<Opco.Finance.Data.FinanceDbContext>(fixture.App, service)),
        "notification" => Of(InProcessService.Create<Opco.Notification.Data.NotificationDbContext>(fixture.App, service)),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "a service the gateway does not know"),
    };

    private static (IAsyncDisposable, IServiceProvider) Of<T>(WebApplicationFactory<T> factory) where T : class => (factory, factory.Services);

    /// <summary>Whether the route takes this request: its methods (any when none) and its path template, parameters filled.</summary>
    private static bool Matches(RouteConfig route, string method, string path)
    {
        if (route.Match.Methods is { Count: > 0 } methods && method != "*" && !methods.Contains(method, StringComparer.OrdinalIgnoreCase))
            return false;
        var concrete = Regex.Replace(path, @"\{\*{0,2}[^}]+\}", "x");
        var matcher = new TemplateMatcher(TemplateParser.Parse(route.Match.Path!.TrimStart('/')), new RouteValueDictionary());
        return matcher.TryMatch(concrete, new RouteValueDictionary());
    }
}
