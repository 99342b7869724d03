using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opco.Web.Api;
using Opco.Web.State;
using ContributionsPage = Opco.Web.Components.Pages.Collecte.Contributions;

namespace Opco.Web.Tests;

/// <summary>« Mes contributions »: a draft declaration is corrected from the screen, then declared.</summary>
public sealed class ContributionsPageTests
{
    private const string Siret = "73282932000074";
    private const string Contributions = $"/api/finance/establishments/{Siret}/contributions";
    private static readonly Guid DraftId = new("0193e3a0-0000-7000-8000-000000000001");

    private static ContributionDeclaration Declaration(decimal headcount, decimal payroll, decimal amount, string status = "Draft", string label = "Brouillon") =>
        new(DraftId, "732829320", Siret, 2026, headcount, payroll, "11-49", "De 11 à 49 salariés", 0.0020m, 150m, amount, false, new DateOnly(2026, 3, 1),
            status, label, null, null);

    [Fact]
    public async Task A_draft_is_corrected_in_the_form_and_saved_on_the_same_declaration()
    {
        await using var ctx = new BunitContext();
        var api = new FakeApi()
            .On(HttpMethod.Get, "/api/identity/me", new MyProfile(Guid.NewGuid(), "Madame", "Dubois", "Claire", "c@example.fr", null, "DRH", null, null))
            .On(HttpMethod.Get, "/api/identity/me/establishments",
                new[] { new MyEstablishment(Siret, "Siège", "ATELIER DÉMO", true, true, false, ["CollecteVersements"], ["CollecteVersements"], []) })
            .On(HttpMethod.Get, Contributions, new[] { Declaration(25m, 100_000m, 200m) })
            .On(HttpMethod.Get, $"{Contributions}/rates", Array.Empty<ContributionRate>())
            .On(HttpMethod.Put, $"{Contributions}/{DraftId}", Declaration(30m, 120_000m, 240m));
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        api.Register(ctx.Services);
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddScoped<CurrentUser>();
        await ctx.Services.GetRequiredService<CurrentUser>().EnsureLoadedAsync();
        var page = ctx.Render<ContributionsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        page.FindAll("tbody tr button").Single(b => b.TextContent.StartsWith("Modifier", StringComparison.Ordinal)).Click();

        // The draft's figures in the form, its year fixed.
        Assert.Equal("Modifier le brouillon 2026", page.Find("#contribution-nouvelle-titre").TextContent);
        Assert.True(page.Find("#contribution-annee").HasAttribute("disabled"));
        Assert.Equal("25,00", page.Find("#contribution-effectif").GetAttribute("value"));
        page.Find("#contribution-effectif").Change("30");
        page.Find("#contribution-masse").Change("120000");
        page.FindAll("button").Single(b => b.TextContent == "Enregistrer en brouillon").Click();

        page.WaitForAssertion(() => Assert.Contains(api.Received, r => r.Method == HttpMethod.Put));
        var (_, path, body, _) = api.Received.Single(r => r.Method == HttpMethod.Put);
        Assert.Equal($"{Contributions}/{DraftId}", path);
        using var sent = JsonDocument.Parse(body!);
        Assert.Equal((30m, 120_000m, false), (sent.RootElement.GetProperty("averageHeadcount").GetDecimal(), sent.RootElement.GetProperty("payroll").GetDecimal(),
            sent.RootElement.GetProperty("declare").GetBoolean()));
        Assert.DoesNotContain(api.Received, r => r.Method == HttpMethod.Post);
        page.WaitForAssertion(() => Assert.Contains("Contribution 2026 enregistrée", page.Find("[role=status]").TextContent));
        // Saved: the form is a new declaration's again.
        Assert.Equal("Déclarer une contribution", page.Find("#contribution-nouvelle-titre").TextContent);
        Assert.False(page.Find("#contribution-annee").HasAttribute("disabled"));
    }
}
