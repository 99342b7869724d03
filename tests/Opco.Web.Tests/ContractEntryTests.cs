using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Opco.Web.Api;
using Opco.Web.Components.Pages.Contracts;
using Opco.Web.State;

namespace Opco.Web.Tests;

/// <summary>The contract entry: a trainee created on the way, the API's field errors on their fields, the checks leading to their step.</summary>
public sealed class ContractEntryTests
{
    private static readonly string Contract = $"/api/dossier/establishments/{ContractSamples.Siret}/contracts/{ContractSamples.Id}";
    private static readonly string Employees = $"/api/dossier/establishments/{ContractSamples.Siret}/employees";

    private static FakeApi Api(ContractView contract, params EmployeeSheet[] employees) => new FakeApi()
        .On(HttpMethod.Get, "/api/identity/me", new MyProfile(Guid.NewGuid(), "Madame", "Dubois", "Claire", "c@example.fr", null, "DRH", ContractSamples.Siret, null))
        .On(HttpMethod.Get, "/api/identity/me/establishments",
            new[] { new MyEstablishment(ContractSamples.Siret, "Siège", "ATELIER DÉMO", true, true, false, ["ContratPro"], ["Contrat pro"], []) })
        .On(HttpMethod.Get, Contract, contract)
        .On(HttpMethod.Get, Employees, ContractSamples.Employees(employees));

    private static IRenderedComponent<ContractEntry> Render(BunitContext ctx, FakeApi api, int step)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        api.Register(ctx.Services);
        ctx.Services.AddScoped<CurrentUser>();
        return ctx.Render<ContractEntry>(p => p.Add(c => c.Siret, ContractSamples.Siret).Add(c => c.Id, ContractSamples.Id).Add(c => c.Step, step));
    }

    [Fact]
    public async Task A_trainee_added_on_the_way_is_chosen_and_the_step_saves_her_with_the_public()
    {
        await using var ctx = new BunitContext();
        var lea = ContractSamples.Employee(Guid.NewGuid(), "Martin", "Léa");
        var api = Api(ContractSamples.View(), ContractSamples.Employee(Guid.NewGuid(), "Durand", "Paul"), lea)
            .On(HttpMethod.Post, Employees, lea, HttpStatusCode.Created)
            .On(HttpMethod.Put, $"{Contract}/trainee", ContractSamples.View(currentStep: 2));
        var page = Render(ctx, api, 1);

        page.WaitForElement("#contrat-salarie");
        page.Find("button[aria-controls=nouveau-salarie]").Click();
        page.Find("#salarie-civilite").Change("Madame");
        page.Find("#salarie-nom").Input("Martin");
        page.Find("#salarie-prenom").Input("Léa");
        Assert.Equal("Professionnalisation", page.Find("#salarie-contrat").GetAttribute("value"));
        page.Find("#nouveau-salarie").Submit();

        page.WaitForAssertion(() => Assert.Equal(lea.Id.ToString(), page.Find("#contrat-salarie").GetAttribute("value")));
        Assert.Empty(page.FindAll("#nouveau-salarie"));
        Assert.Contains("\"lastName\":\"Martin\"", api.Received.Single(r => r.Method == HttpMethod.Post).Body);
        page.Find("#public-Young").Change("Young");
        page.FindAll("form").Last().Submit();

        page.WaitForAssertion(() => Assert.Contains(api.Received, r => r.Method == HttpMethod.Put));
        Assert.Equal($$"""{"employeeId":"{{lea.Id}}","public":"Young"}""", api.Received.Single(r => r.Method == HttpMethod.Put).Body);
        // Sent on the version the page read: the service refuses it if the contract was saved since.
        Assert.Equal("\"7\"", api.Received.Single(r => r.Method == HttpMethod.Put).IfMatch);
        page.WaitForAssertion(() => Assert.EndsWith("/saisie/2", ctx.Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public async Task The_api_field_errors_show_on_their_fields()
    {
        await using var ctx = new BunitContext();
        var api = Api(ContractSamples.View(currentStep: 3)).On(HttpMethod.Put, $"{Contract}/terms", new
        {
            title = "Le contrat n'a pas été enregistré : vérifiez les champs signalés.",
            errors = new Dictionary<string, string[]> { ["endDate"] = ["La date de fin doit suivre la date de début."] },
        }, HttpStatusCode.BadRequest);
        var page = Render(ctx, api, 3);

        page.WaitForElement("#contrat-fin");
        page.Find("#contrat-emploi").Input("Vendeuse");
        page.FindAll("form").Last().Submit();

        page.WaitForAssertion(() => Assert.Equal("La date de fin doit suivre la date de début.", page.Find("#contrat-fin-erreur").TextContent));
        Assert.Contains("Le contrat n'a pas été enregistré", page.Find(".alert.error").TextContent);
        Assert.Contains("\"job\":\"Vendeuse\"", api.Received.Single(r => r.Method == HttpMethod.Put).Body);
    }

    [Fact]
    public async Task The_summary_lists_each_blocking_check_with_a_link_to_its_step_and_the_warnings()
    {
        await using var ctx = new BunitContext();
        var contract = ContractSamples.View(currentStep: 7) with
        {
            Checks = [new(4, "trainingHours", "Les heures de formation doivent représenter 15 à 25 % de la durée du contrat.")],
            Warnings = ["Contrat déposé plus de 5 jours après son début."],
        };
        var page = Render(ctx, Api(contract), 7);

        var link = page.WaitForElement("ul.field-error a[href$='/saisie/4']");
        Assert.Equal("Étape 4 – Formation", link.TextContent);
        Assert.Contains("15 à 25 %", link.ParentElement!.TextContent);
        Assert.Contains("Contrat déposé plus de 5 jours après son début.", page.Find("ul.warnings").TextContent);
        Assert.Contains(page.FindAll("button"), b => b.TextContent == "Transmettre le contrat");
    }

    [Fact]
    public async Task A_contract_with_steps_still_to_fill_is_not_said_ready_to_transmit()
    {
        await using var ctx = new BunitContext();
        var page = Render(ctx, Api(ContractSamples.View(currentStep: 6)), 7);

        var link = page.WaitForElement("ul.field-error a[href$='/saisie/6']");
        Assert.Equal("Étape 6 – " + ContractSamples.View().Steps[5].Name, link.TextContent);
        Assert.Contains("à compléter (à renseigner)", link.ParentElement!.TextContent);
        Assert.DoesNotContain("le contrat peut être transmis", page.Markup);
    }
}
