using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Platform;

/// <summary>
/// Every endpoint of every service, as its endpoint data sources list it (Razor pages, OpenIddict's endpoints and the
/// web front end's Blazor routes included), gets malformed bodies, content types, route and query values through the
/// gateway of the suite's portal, which runs in Development like a developer's: none answers 5xx, and an API's 4xx is a
/// problem.
/// </summary>
public sealed class BadInputTests(AppFixture fixture)
{
    /// <summary>Not sent malformed input on purpose, with why. Each must still name a mapped endpoint (checked).</summary>
    private static readonly Dictionary<string, string> Excluded = new()
    {
        // Blazor's framework files and SignalR hub: the framework's own, not endpoints of ours.
        ["/_framework/"] = "framework static files",
        ["/_blazor"] = "Blazor's SignalR circuit",
    };

    private static readonly string[] MalformedJson =
    [
        "{\"lastName\": \"Dupont\",",
        "[1, 2]",
        "\"text\"",
        "12",
        "{\"lastName\": 12, \"firstName\": [], \"siret\": {}, \"establishments\": \"x\", \"habilitations\": 3, \"page\": \"x\", \"reason\": true}",
        "{\"lastName\": \"a\\u0000b\\u0001c\", \"email\": \"\\u0000@\\u0000\"}",
        new string('[', 5000) + new string(']', 5000),
        "{\"lastName\": \"" + new string('x', 2_000_000) + "\"}",
        "",
    ];

    private static readonly (string ContentType, string Body)[] WrongContent =
    [
        ("text/plain", "lastName=Dupont"),
        ("application/xml", "<lastName>Dupont</lastName>"),
        ("application/x-www-form-urlencoded", "grant_type=password&username=a%00b&client_id=%00&code=%FF"),
        ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\u0000\r\n--x--\r\n"),
    ];

    private static readonly string[] MalformedValues = ["%00", "x%01y", "%ZZ", "..%2F..%2Fetc", "-1", "99999999999999999999999", new string('9', 3000)];

    [Fact]
    public async Task No_malformed_request_to_any_endpoint_of_any_service_gets_a_5xx()
    {
        var endpoints = await MappedEndpointsAsync();
        var token = await TokenAsync();
        using var gateway = new HttpClient { BaseAddress = fixture.App.GetEndpoint("gateway"), Timeout = TimeSpan.FromSeconds(60) };
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, template) in endpoints.Where(e => !Excluded.Keys.Any(prefix => e.Template.StartsWith(prefix, StringComparison.Ordinal))))
        {
            foreach (var request in Requests(method, template))
            {
                using var message = request;
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await gateway.SendAsync(message, TestContext.Current.CancellationToken);
                sent++;
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500)
                    failures.Add($"{status} {message.Method} {Shorten(message.RequestUri!.ToString())} ({message.Content?.Headers.ContentType})");
                else if (status is 400 or 413 or 415 && template.StartsWith("/api/", StringComparison.Ordinal) && mediaType != "application/problem+json"
                         && !IsRejectedByTheHttpServer(message, response))
                    failures.Add($"{status} without problem details ({mediaType}): {message.Method} {Shorten(message.RequestUri!.ToString())}");
                // A HEAD answer has no body by definition.
                else if (mediaType == "application/problem+json" && message.Method != HttpMethod.Head
                         && await ProblemDefectAsync(response) is { } defect)
                    failures.Add($"{status} {defect}: {message.Method} {Shorten(message.RequestUri!.ToString())}");
            }
        }

        Assert.True(sent > 500, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests answered badly:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Distinct().Take(40))}");
    }

    [Theory]
    [InlineData("/api/identity/users")]
    [InlineData("/api/onboarding/account-requests")]
    [InlineData("/api/dossier/establishments/73282932000074/permissions")]
    [InlineData("/api/finance/establishments/73282932000074/permissions")]
    [InlineData("/api/notification/me/notifications")]
    public async Task A_call_without_a_token_gets_a_french_401_problem(string path)
    {
        using var gateway = new HttpClient { BaseAddress = fixture.App.GetEndpoint("gateway") };

        using var response = await gateway.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"Authentification requise.\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Every_exclusion_names_a_mapped_endpoint()
    {
        var endpoints = await MappedEndpointsAsync();

        foreach (var excluded in Excluded.Keys)
            Assert.Contains(endpoints, e => e.Template.StartsWith(excluded, StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Template == "/connect/token");
        Assert.Contains(endpoints, e => e.Template.StartsWith("/account/", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Template == "/utilisateurs/{id:guid}" || e.Template == "/utilisateurs/{Id:guid}");
    }

    /// <summary>What each service maps, read from its endpoint data sources, plus the OpenIddict endpoints its middleware serves.</summary>
    private async Task<List<(string Method, string Template)>> MappedEndpointsAsync()
    {
        var all = new List<(string, string)>();
        void Read(IServiceProvider services) => all.AddRange(InProcessService.Endpoints(services)
            .Select(e => (e.Method, "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/'))));

        await using (var identity = InProcessService.Create<Opco.Identity.Data.IdentityDbContext>(fixture.App, "identity"))
        {
            Read(identity.Services);
            var server = identity.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
            foreach (var uris in new[]
                     {
                         server.ConfigurationEndpointUris, server.JsonWebKeySetEndpointUris, server.AuthorizationEndpointUris, server.TokenEndpointUris,
                         server.UserInfoEndpointUris, server.EndSessionEndpointUris, server.IntrospectionEndpointUris, server.RevocationEndpointUris,
                     })
            foreach (var uri in uris)
                all.AddRange([("GET", "/" + uri.OriginalString.TrimStart('/')), ("POST", "/" + uri.OriginalString.TrimStart('/'))]);
        }
        await using (var onboarding = InProcessService.Create<Opco.Onboarding.Data.OnboardingDbContext>(fixture.App, "onboarding")) Read(onboarding.Services);
        await using (var dossier = InProcessService.Create<Opco.Dossier.Data.DossierDbContext>(fixture.App, "dossier")) Read(dossier.Services);
        await using (var finance = InProcessService.Create<Opco.Finance.Data.FinanceDbContext>(fixture.App, "finance")) Read(finance.Services);
        await using (var notification = InProcessService.Create<Opco.Notification.Data.NotificationDbContext>(fixture.App, "notification")) Read(notification.Services);
        await using (var web = InProcessService.Create<Opco.Web.Authentication.OidcOptions>(fixture.App, "web")) Read(web.Services);
        await using (var gateway = new WebApplicationFactory<Opco.Gateway.GatewayOptions>()) Read(gateway.Services);
        return [.. all.Distinct()];
    }

    private static IEnumerable<HttpRequestMessage> Requests(string method, string template)
    {
        var httpMethod = method == "*" ? HttpMethod.Post : new HttpMethod(method);
        var path = Fill(template, "1");
        foreach (var value in MalformedValues)
        {
            if (template.Contains('{'))
                yield return new HttpRequestMessage(httpMethod, Fill(template, value));
            yield return new HttpRequestMessage(httpMethod, $"{path}?page={value}&pageSize={value}&sort={value}&direction={value}&q={value}&limit={value}&siret={value}&id={value}");
        }
        if (httpMethod == HttpMethod.Get || httpMethod == HttpMethod.Delete)
            yield break;
        foreach (var json in MalformedJson)
            yield return new HttpRequestMessage(httpMethod, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (contentType, body) in WrongContent)
            yield return new HttpRequestMessage(httpMethod, path) { Content = new StringContent(body, Encoding.UTF8) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } } };
    }

    /// <summary>"/users/{id:guid}/establishments/{siret}" with every parameter set to <paramref name="value"/> (a catch-all too).</summary>
    private static string Fill(string template, string value) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", value);

    private async Task<string> TokenAsync()
    {
        await using var users = new IdentityUsers(fixture.App.GetConnectionString("identitydb"));
        var session = await ManagerSession.SignInAsync(fixture, users,
            new Dictionary<string, Habilitation[]> { [AccountRequestPayloads.ValidSiret] = [Habilitation.Gestionnaire] });
        return session.Api.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    /// <summary>
    /// A NUL in the path is not HTTP our server accepts: Kestrel refuses the request line with an empty 400 before any
    /// code of ours runs, so that answer cannot carry a problem.
    /// </summary>
    private static bool IsRejectedByTheHttpServer(HttpRequestMessage request, HttpResponseMessage response) =>
        request.RequestUri!.AbsolutePath.Contains("%00", StringComparison.Ordinal) && response.Content.Headers.ContentLength is 0 or null
        && response.Content.Headers.ContentType is null;

    /// <summary>The framework's English titles: a problem a user may read must say it in French.</summary>
    private static readonly string[] EnglishTitles =
        ["One or more validation errors occurred.", "An error occurred while processing your request."];

    /// <summary>What a user could not read in a problem answer: no body at all, or a title in English.</summary>
    private static async Task<string?> ProblemDefectAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0) return "typed as a problem with an empty body";
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        // The framework's default title for the status, as it fills it in: it changes between versions ("Content Too Large").
        var frameworkDefault = Microsoft.AspNetCore.Http.TypedResults.Problem(statusCode: (int)response.StatusCode).ProblemDetails.Title;
        return problem.RootElement.TryGetProperty("title", out var title)
               && (EnglishTitles.Contains(title.GetString()) || title.GetString() == frameworkDefault)
            ? $"titled in English (\"{title.GetString()}\")"
            : null;
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
