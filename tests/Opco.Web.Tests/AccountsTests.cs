using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Opco.Web.Api;
using Opco.Web.Domain;
using Opco.Web.State;
using AccountPage = Opco.Web.Components.Pages.Accounts.AccountDetail;
using AccountView = Opco.Web.Api.AccountDetail;
using AccountsPage = Opco.Web.Components.Pages.Accounts.Accounts;

namespace Opco.Web.Tests;

/// <summary>« Mes comptes »: the synthesis per company, an account's figures and movements, and what they send to the finance service.</summary>
public sealed class AccountsTests
{
    private const string Siren = "732829320";
    private const string Account = $"/api/finance/accounts/{Siren}/plan-obligatoire";

    private static readonly FigureDefinition[] Definitions =
    [
        new("availableForCommitment", "Montant disponible pour engagement", "Ce qui reste pour financer de nouvelles formations."),
        new("openCommitments", "Montant provisionné", "Engagé pour des formations acceptées, pas encore réglé."),
        new("availableForPayment", "Solde disponible pour règlement", "Ce que l'OPCO peut encore payer, formations provisionnées comprises."),
    ];

    [Fact]
    public void Amounts_carry_their_sign_in_writing_not_only_in_colour()
    {
        Assert.Equal("+5\u202F000,00 €", AccountLabels.SignedEuros(5000m));
        Assert.Equal("\u2212250,50 €", AccountLabels.SignedEuros(-250.50m));
        Assert.Equal("0,00 €", AccountLabels.SignedEuros(0m));
        Assert.Equal(("amount amount-in", "amount amount-out", "amount"),
            (AccountLabels.AmountClass(1m), AccountLabels.AmountClass(-0.01m), AccountLabels.AmountClass(0m)));
    }

    [Fact]
    public void A_company_is_named_after_one_of_the_users_establishments_or_by_its_SIREN()
    {
        MyEstablishment[] establishments = [On("40483304800015", "AUTRE SA"), On($"{Siren}00074", "ATELIER DÉMO")];

        Assert.Equal("ATELIER DÉMO", AccountLabels.CompanyName(establishments, Siren));
        Assert.Equal("Entreprise SIREN 404 833 048", AccountLabels.CompanyName([On("40483304800015", "")], "404833048"));
        Assert.Equal("Entreprise SIREN 552 100 554", AccountLabels.CompanyName(establishments, "552100554"));
    }

    [Fact]
    public void The_figures_follow_the_APIs_definitions_and_leave_out_a_field_the_portal_does_not_know()
    {
        var figures = new AccountFiguresView(5000m, 1000m, 600m, 3400m, 4000m);

        Assert.Equal(
            [("Montant disponible pour engagement", 3400m, Definitions[0].Definition), ("Montant provisionné", 600m, Definitions[1].Definition),
             ("Solde disponible pour règlement", 4000m, Definitions[2].Definition)],
            AccountLabels.Figures(figures, [.. Definitions, new FigureDefinition("futureFigure", "Autre", "…")]));
    }

    [Fact]
    public void The_movements_query_sends_the_page_and_only_the_filters_chosen_and_the_export_every_page()
    {
        var filter = new AccountFilter();
        Assert.Equal(("page=1", ""), (filter.ToQuery(), filter.ToExportQuery()));

        (filter.From, filter.To, filter.Kind, filter.Page) = (new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31), "Adjustment", 2);
        Assert.Equal("page=2&from=2027-01-01&to=2027-03-31&kind=Adjustment", filter.ToQuery());
        Assert.Equal("from=2027-01-01&to=2027-03-31&kind=Adjustment", filter.ToExportQuery());
        Assert.Equal(["Crédit", "Engagement", "Correction", "Libération", "Règlement"], AccountFilter.Kinds.Select(k => k.Label));
    }

    [Fact]
    public async Task The_synthesis_names_the_company_links_each_account_and_shows_the_available_amount_on_the_right()
    {
        await using var ctx = new BunitContext();
        var api = User("Reporting").On(HttpMethod.Get, "/api/finance/accounts", new MyAccounts(
        [
            new(Siren,
                [
                    new("versement-volontaire", "Versement Volontaire", 0m, 0m, 0m), new("selection-defi", "Sélection DEFi", 0m, 0m, 0m),
                    new("plan-obligatoire", "Plan obligatoire", 4749.50m, 1200m, 5949.50m),
                ],
                [new("Professionnalisation", 2027, 5040m, 5040m)]),
        ], Definitions));
        var page = await RenderAsync<AccountsPage>(ctx, api);

        page.WaitForAssertion(() => Assert.Equal("ATELIER DÉMO", page.Find("section h2").TextContent));
        var row = page.FindAll("tbody tr")[2];
        Assert.Equal($"/comptes/{Siren}/plan-obligatoire", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(Labels.Euros(4749.50m), row.Children.Last().TextContent);
        Assert.Equal("Montant disponible pour engagement", page.FindAll("thead tr")[0].Children.Last().TextContent);
        Assert.Equal(["Professionnalisation", "2027", Labels.Euros(5040m), Labels.Euros(5040m)], page.FindAll("tbody tr")[3].Children.Select(c => c.TextContent));
        Assert.Equal(Definitions.Select(d => d.Definition), page.FindAll("dl dd").Select(d => d.TextContent));
    }

    [Fact]
    public async Task Without_a_company_to_show_the_page_says_which_habilitation_it_takes()
    {
        await using var ctx = new BunitContext();
        var page = await RenderAsync<AccountsPage>(ctx, User("Gestionnaire").On(HttpMethod.Get, "/api/finance/accounts", new MyAccounts([], Definitions)));

        page.WaitForAssertion(() => Assert.Contains("Aucun compte à afficher", page.Markup));
        Assert.Contains("Reporting", page.Markup);
        Assert.Empty(page.FindAll("table"));
    }

    [Fact]
    public async Task Without_visualiser_les_comptes_the_pages_send_to_acces_refuse()
    {
        await using var ctx = new BunitContext();
        var api = User("PriseEnCharge");
        await RenderAsync<AccountPage>(ctx, api, p => p.Add(c => c.Siren, Siren).Add(c => c.Code, "plan-obligatoire"));

        Assert.EndsWith("/acces-refuse", ctx.Services.GetRequiredService<NavigationManager>().Uri);
        Assert.DoesNotContain(api.Received, r => r.Path.StartsWith("/api/finance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_shows_its_figures_with_their_definitions_and_its_signed_movements_filtered_by_kind()
    {
        await using var ctx = new BunitContext();
        var api = User("Reporting").On(HttpMethod.Get, Account, Detail(
            new LedgerLine(2, DateTimeOffset.Parse("2027-03-01T23:30:00Z"), "Adjustment", "Correction", -250.50m, "Correction", "Correction", "Erreur de saisie du versement",
                "Gestion des comptes de l'OPCO"),
            new LedgerLine(1, DateTimeOffset.Parse("2027-02-01T09:00:00Z"), "Credit", "Crédit", 5000m, "Allocation", "Dotation de l'OPCO", "Dotation 2027",
                "Gestion des comptes de l'OPCO")));
        var page = await RenderAsync<AccountPage>(ctx, api, p => p.Add(c => c.Siren, Siren).Add(c => c.Code, "plan-obligatoire"));

        page.WaitForAssertion(() => Assert.Equal("Plan obligatoire", page.Find("h1").TextContent));
        Assert.Contains("ATELIER DÉMO", page.Markup);
        Assert.Equal(["Montant disponible pour engagement", "Montant provisionné", "Solde disponible pour règlement", "Crédité", "Réglé"],
            page.FindAll("dt").Select(d => d.TextContent));
        Assert.Contains(Definitions[1].Definition, page.FindAll("dd")[1].TextContent);
        var cells = page.FindAll("tbody tr")[0].Children;
        Assert.Equal("02/03/2027", cells[0].TextContent); // 23:30 UTC is the next day in Paris
        Assert.Equal(["Correction", "Erreur de saisie du versement", "Correction", "Gestion des comptes de l'OPCO", "\u2212250,50 €"],
            cells.Skip(1).Select(c => c.TextContent));
        Assert.Contains("amount-out", cells[5].ClassName);
        var credit = page.FindAll("tbody tr")[1].Children;
        Assert.Equal(("Dotation de l'OPCO", "+5\u202F000,00 €"), (credit[3].TextContent, credit[5].TextContent));

        page.Find("#mouvements-type").Change("Adjustment");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal($"{Account}?page=1&kind=Adjustment", api.Received.Last().Path));
    }

    [Fact]
    public async Task An_account_the_user_may_not_see_is_not_found_and_a_refused_filter_shows_on_its_field()
    {
        await using var ctx = new BunitContext();
        var api = User("Reporting").On(HttpMethod.Get, $"/api/finance/accounts/{Siren}/inconnu", new { title = "Compte introuvable." }, HttpStatusCode.NotFound);
        var missing = await RenderAsync<AccountPage>(ctx, api, p => p.Add(c => c.Siren, Siren).Add(c => c.Code, "inconnu"));
        missing.WaitForAssertion(() => Assert.Equal("Compte introuvable.", missing.Find(".alert.error strong").TextContent));
        Assert.Empty(missing.FindAll("table"));

        await using var other = new BunitContext();
        api = User("Reporting").On(HttpMethod.Get, Account, Detail())
            .On(HttpMethod.Get, $"{Account}?page=1&from=", new { title = "Le filtre demandé n'est pas valide.", errors = new Dictionary<string, string[]>
            {
                ["to"] = ["La date de fin de la période doit suivre sa date de début."],
            } }, HttpStatusCode.BadRequest);
        var page = await RenderAsync<AccountPage>(other, api, p => p.Add(c => c.Siren, Siren).Add(c => c.Code, "plan-obligatoire"));
        page.WaitForElement("#mouvements-du");
        page.Find("#mouvements-du").Change("2027-04-01");
        page.Find("#mouvements-au").Change("2027-03-01");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("La date de fin de la période doit suivre sa date de début.", page.Find("#mouvements-au-erreur").TextContent));
        Assert.Equal(("false", "true"), (page.Find("#mouvements-du").GetAttribute("aria-invalid"), page.Find("#mouvements-au").GetAttribute("aria-invalid")));
        Assert.Equal("Plan obligatoire", page.Find("h1").TextContent);
    }

    private static MyEstablishment On(string siret, string company, params string[] habilitations) =>
        new(siret, "Siège", company, true, true, false, habilitations, habilitations, []);

    private static FakeApi User(string habilitation) => new FakeApi()
        .On(HttpMethod.Get, "/api/identity/me", new MyProfile(Guid.NewGuid(), "Madame", "Dubois", "Claire", "c@example.fr", null, "DRH", null, null))
        .On(HttpMethod.Get, "/api/identity/me/establishments", new[] { On($"{Siren}00074", "ATELIER DÉMO", habilitation) });

    private static AccountView Detail(params LedgerLine[] lines) => new(Siren, "plan-obligatoire", "Plan obligatoire",
        new AccountFiguresView(5000m, 0m, 0m, 4749.50m, 4749.50m), Definitions, new LedgerLinesPage(lines, lines.Length, 1, 20));

    private static async Task<IRenderedComponent<T>> RenderAsync<T>(BunitContext ctx, FakeApi api, Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        api.Register(ctx.Services);
        ctx.Services.AddScoped<CurrentUser>();
        await ctx.Services.GetRequiredService<CurrentUser>().EnsureLoadedAsync();
        return ctx.Render(parameters ?? (_ => { }));
    }
}
