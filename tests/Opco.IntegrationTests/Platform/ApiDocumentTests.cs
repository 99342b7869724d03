using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Platform;

/// <summary>Each service describes every endpoint it maps in its OpenAPI document, which the gateway serves under its prefix.</summary>
public sealed partial class ApiDocumentTests(AppFixture fixture)
{
    /// <summary>Mapped on purpose without an API description: health probes, the document itself, Scalar, identity's Razor pages.</summary>
    private static readonly string[] NotDescribed = ["/health", "/alive", "/openapi/{documentName}.json", "/scalar/", "/account/"];

    public static TheoryData<string> Services => ["identity", "onboarding", "dossier", "finance", "notification"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_mapped_endpoint_is_named_summarised_and_described_with_its_problem_answers(string service)
    {
        await using var host = Host(service);
        var mapped = InProcessService.Endpoints(host.Services)
            .Where(e => !NotDescribed.Any(excluded => Pattern(e.Endpoint).StartsWith(excluded, StringComparison.Ordinal)))
            .Select(e => $"{e.Method} {Path(Pattern(e.Endpoint))}")
            .ToHashSet();
        using var gateway = fixture.App.CreateHttpClient("gateway");
        using var response = await gateway.GetAsync($"/api/{service}/openapi/v1.json", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(operation => (Key: $"{operation.Name.ToUpperInvariant()} {path.Name}", Operation: operation.Value)))
            .ToList();
        Assert.NotEmpty(mapped);
        Assert.Equal(mapped.Order(), operations.Select(o => o.Key).Order());
        foreach (var (key, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("operationId", out _), $"{key} has no name");
            Assert.True(operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 0, $"{key} has no summary");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out var badRequest), $"{key} does not declare its 400");
            Assert.True(badRequest.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{key}'s 400 is not a problem");
        }
    }

    [Fact]
    public void Every_exclusion_still_names_something_mapped()
    {
        var mapped = new List<string>();
        foreach (var service in new[] { "identity", "onboarding", "dossier", "finance", "notification" })
        {
            using var host = Host(service);
            mapped.AddRange(InProcessService.Endpoints(host.Services).Select(e => Pattern(e.Endpoint)));
        }

        foreach (var excluded in NotDescribed)
            Assert.Contains(mapped, pattern => pattern.StartsWith(excluded, StringComparison.Ordinal));
    }

    private StartedHost Host(string service) => service switch
    {
        "identity" => Started(InProcessService.Create<Opco.Identity.Data.IdentityDbContext>(fixture.App, service)),
        "onboarding" => Started(InProcessService.Create<Opco.Onboarding.Data.OnboardingDbContext>(fixture.App, service)),
        "dossier" => Started(InProcessService.Create<Opco.Dossier.Data.DossierDbContext>(fixture.App, service)),
        "finance" => Started(InProcessService.Create<Opco.Finance.Data.FinanceDbContext>(fixture.App, service)),
        "notification" => Started(InProcessService.Create<Opco.Notification.Data.NotificationDbContext>(fixture.App, service)),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    private static StartedHost Started<T>(WebApplicationFactory<T> factory)
        where T : class => new(factory, factory.Services);

    private sealed record StartedHost(IAsyncDisposable Factory, IServiceProvider Services) : IAsyncDisposable, IDisposable
    {
        public ValueTask DisposeAsync() => Factory.DisposeAsync();

        public void Dispose() => Factory.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static string Pattern(Microsoft.AspNetCore.Routing.RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');

    /// <summary>"/users/{id:guid}" is "/users/{id}" in a document.</summary>
    private static string Path(string pattern) => Constraint().Replace(pattern, "}").TrimEnd('/') is { Length: > 0 } path ? path : "/";

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();
}
