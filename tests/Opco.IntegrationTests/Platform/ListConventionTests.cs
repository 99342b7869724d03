using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Platform;

/// <summary>
/// Every list endpoint speaks one convention: <c>sort</c>, <c>direction</c>, <c>page</c>, <c>pageSize</c> in, one shape
/// out (items, total, page, pageSize, sort, direction), and a French 400 naming the field for what it cannot read.
/// </summary>
public sealed class ListConventionTests(AppFixture fixture) : IAsyncLifetime
{
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    /// <summary>Each list, with who may read it and one of its columns.</summary>
    private async Task<List<(string Path, HttpClient Api, string Column)>> ListsAsync()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Listes", [.. company.Sirets], Habilitation.Gestionnaire);
        var advisor = await World.AdvisorAsync();
        return
        [
            ("/api/identity/users", manager.Api, "firstName"),
            ("/api/onboarding/account-requests", manager.Api, "companyName"),
            ("/api/onboarding/registration-requests", advisor.Api, "siret"),
            ("/api/notification/me/notifications", manager.Api, "createdAt"),
        ];
    }

    [Fact]
    public async Task Every_list_answers_one_shape_in_the_sort_and_page_asked()
    {
        foreach (var (path, api, column) in await ListsAsync())
        {
            var response = await api.GetAsync($"{path}?sort={column}&direction=desc&page=2&pageSize=7", TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(["items", "total", "page", "pageSize", "sort", "direction"], page.EnumerateObject().Select(p => p.Name));
            Assert.Equal((2, 7, column, "desc"), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(),
                page.GetProperty("sort").GetString(), page.GetProperty("direction").GetString()));
            Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
        }
    }

    [Theory]
    [InlineData("sort=nimporte", "sort")]
    [InlineData("direction=sideways", "direction")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=2147483647&pageSize=100", "page")]
    public async Task Every_list_refuses_what_it_cannot_read_with_a_french_400_on_the_field(string query, string field)
    {
        foreach (var (path, api, _) in await ListsAsync())
        {
            var response = await api.GetAsync($"{path}?{query}", TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}?{query}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{path}?{query}: no error on {field}");
            Assert.Matches("^(Le|La|Cette) ", messages[0].GetString());
        }
    }

    [Fact]
    public async Task A_page_number_that_is_not_a_number_is_a_400_problem()
    {
        foreach (var (path, api, _) in await ListsAsync())
        {
            var response = await api.GetAsync($"{path}?page=deux", TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
