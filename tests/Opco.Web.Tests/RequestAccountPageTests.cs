using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Opco.Web.Components.Pages.Account;

namespace Opco.Web.Tests;

/// <summary>The 2i wizard page: gauges turn green zone by zone, "Demander mon compte" waits for all four.</summary>
public sealed class RequestAccountPageTests
{
    private static FakeApi Directory() => new FakeApi()
        .On(HttpMethod.Get, "/api/onboarding/directory/companies?q=GE", new[] { new { siren = "424210433", name = "GE SUPPORT FRANCE", city = "PARIS", serviceOffer = (string?)null } })
        .On(HttpMethod.Get, "/api/onboarding/directory/companies/424210433/establishments", new[]
        {
            new { siret = "42421043300017", name = "SOCIETE France", address = "25, rue des ancres", postalCode = "75116", city = "PARIS", isHeadOffice = true, isClosed = false },
            new { siret = "42421043300025", name = "SOCIETE Lyon", address = "1, place Bellecour", postalCode = "69002", city = "LYON", isHeadOffice = false, isClosed = true },
        })
        .On(HttpMethod.Post, "/api/onboarding/account-requests", new { requestId = Guid.NewGuid(), message = "ok" }, HttpStatusCode.Accepted);

    [Fact]
    public async Task Gauges_turn_green_zone_by_zone_and_the_request_is_sent_when_all_are()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var api = Directory();
        api.Register(ctx.Services);
        var page = ctx.Render<RequestAccount>();

        Assert.Equal(4, page.FindAll(".gauge.incomplete").Count);
        Assert.True(page.Find("button.submit").HasAttribute("disabled"));

        page.Find("#email").Input("isabelle.debuire@example.fr");
        Assert.Contains("complete", page.Find("[data-zone=Email]").ClassName);

        page.Find("[data-zone=Company]").Click();
        page.Find("#recherche-entreprise").Input("GE");
        page.WaitForElement(".suggestions button", TimeSpan.FromSeconds(5)).Click();
        page.WaitForAssertion(() => Assert.Contains("complete", page.Find("[data-zone=Company]").ClassName));

        page.Find("[data-zone=Information]").Click();
        page.Find("#civilite-mme").Change(true);
        page.Find("#fonction").Input("PROJECT MANAGER");
        page.Find("#nom").Input("DEBUIRE");
        page.Find("#prenom").Input("ISABELLE");
        page.Find("#telephone").Input("0600000000");
        Assert.Contains("incomplete", page.Find("[data-zone=Information]").ClassName);
        Assert.True(page.Find("#site option[value='42421043300025']").HasAttribute("disabled"), "a closed site cannot be chosen");
        page.Find("#site").Change("42421043300017");
        Assert.Contains("complete", page.Find("[data-zone=Information]").ClassName);
        Assert.True(page.Find("button.submit").HasAttribute("disabled"));

        page.Find("[data-zone=Habilitations]").Click();
        Assert.Contains("SOCIETE France - 424210433", page.Markup);
        page.Find("#role").Change("administrateur-etablissement");
        Assert.Contains("Accès à toutes les fonctionnalités standards", page.Find("#role-description").TextContent);
        Assert.Empty(page.FindAll(".gauge.incomplete"));
        Assert.False(page.Find("button.submit").HasAttribute("disabled"));

        page.Find("button.submit").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/demande-de-compte/confirmation", ctx.Services.GetRequiredService<NavigationManager>().Uri));
        var sent = Assert.Single(api.Received, r => r.Method == HttpMethod.Post);
        var body = System.Text.Json.JsonDocument.Parse(sent.Body!).RootElement;
        Assert.Equal(("Wizard", "42421043300017", "Administrateur de l'établissement", "Madame", "0600000000"),
            (body.GetProperty("form").GetString(), body.GetProperty("siret").GetString(), body.GetProperty("role").GetString(),
             body.GetProperty("civility").GetString(), body.GetProperty("phone").GetString()));
    }

    [Fact]
    public async Task Field_errors_of_the_api_show_in_their_zone()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var api = Directory().On(HttpMethod.Post, "/api/onboarding/account-requests",
            new { title = "Votre demande contient des erreurs.", errors = new Dictionary<string, string[]> { ["siret"] = ["Cet établissement est fermé."] } },
            HttpStatusCode.BadRequest);
        api.Register(ctx.Services);
        var page = ctx.Render<RequestAccount>();
        page.Find("#email").Input("a@example.fr");
        page.Find("[data-zone=Company]").Click();
        page.Find("#recherche-entreprise").Input("GE");
        page.WaitForElement(".suggestions button", TimeSpan.FromSeconds(5)).Click();
        page.WaitForAssertion(() => Assert.Contains("complete", page.Find("[data-zone=Company]").ClassName));
        page.Find("[data-zone=Information]").Click();
        page.WaitForElement("#civilite-m").Change(true);
        foreach (var (id, value) in new[] { ("#fonction", "DRH"), ("#nom", "Martin"), ("#prenom", "Paul"), ("#telephone", "0612345678") })
            page.Find(id).Input(value);
        page.Find("#site").Change("42421043300017");
        page.Find("[data-zone=Habilitations]").Click();
        page.Find("#role").Change("gestionnaire-formation");

        page.Find("button.submit").Click();

        page.WaitForAssertion(() => Assert.Equal("Cet établissement est fermé.", page.Find("#site-erreur").TextContent));
        Assert.Equal("Mes informations", page.Find("#zone-titre").TextContent);
    }
}
