using Opco.Web.Api;
using Opco.Web.Components.Shared;
using Opco.Web.Domain;

namespace Opco.Web.Tests;

/// <summary>"Mes utilisateurs" filters: each change goes back to page 1 and is sent to identity; "Réinitialiser le filtre" clears them.</summary>
public sealed class UserFiltersTests
{
    private static readonly MyEstablishment[] Managed =
    [
        new("73282932000074", "Atelier Démo – Siège", "ATELIER DÉMO", true, true, false, ["Gestionnaire"], ["Gestionnaire"], []),
        new("73282932000090", "Atelier Démo – Grenoble", "ATELIER DÉMO", false, false, false, ["Gestionnaire"], ["Gestionnaire"], []),
        new("40483304800022", "Temple JEDI", "OPCA DEFI", false, true, false, ["GestionUtilisateurs"], ["Gestion des utilisateurs"], []),
    ];

    [Fact]
    public async Task Every_filter_changes_the_query_and_goes_back_to_the_first_page()
    {
        await using var ctx = new BunitContext();
        var filter = new UserFilter { Page = 3 };
        var changes = 0;
        var form = ctx.Render<UserFilters>(p => p.Add(f => f.Filter, filter).Add(f => f.Establishments, Managed).Add(f => f.OnChange, () => changes++));

        form.Find("#filtre-nom").Change("sky");
        Assert.Equal((1, 1), (changes, filter.Page));
        form.Find("#filtre-actif-non").Change(true);
        form.Find("#filtre-habilitation").Change("Gestionnaire");
        form.Find("#filtre-entreprise").Change("404833048");

        Assert.Equal(4, changes);
        Assert.Equal("?name=sky&active=false&habilitation=Gestionnaire&siren=404833048&sort=lastName&direction=asc&page=1&pageSize=20", filter.ToQueryString());
    }

    [Fact]
    public async Task Companies_are_listed_once_and_more_options_narrow_to_one_establishment()
    {
        await using var ctx = new BunitContext();
        var filter = new UserFilter();
        var form = ctx.Render<UserFilters>(p => p.Add(f => f.Filter, filter).Add(f => f.Establishments, Managed));

        Assert.Equal(["Toutes", "ATELIER DÉMO - 732829320", "OPCA DEFI - 404833048"], form.FindAll("#filtre-entreprise option").Select(o => o.TextContent));
        Assert.Empty(form.FindAll("#filtre-etablissement"));

        form.Find("#filtre-entreprise").Change("732829320");
        form.Find("button[aria-controls=filtres-plus]").Click();
        Assert.Equal(3, form.FindAll("#filtre-etablissement option").Count);
        form.Find("#filtre-etablissement").Change("73282932000090");

        Assert.Contains("siren=73282932000090", filter.ToQueryString());
    }

    [Fact]
    public async Task Reset_clears_the_filters_but_keeps_the_sort()
    {
        await using var ctx = new BunitContext();
        var filter = new UserFilter { Name = "sky", Active = true, Habilitation = "Reporting" };
        filter.SortBy(UserSortColumn.LastSignIn);
        filter.SortBy(UserSortColumn.LastSignIn);
        var form = ctx.Render<UserFilters>(p => p.Add(f => f.Filter, filter).Add(f => f.Establishments, Managed));

        form.Find("button.secondary").Click();

        Assert.True(filter.IsEmpty);
        Assert.Equal("?sort=lastSignInAt&direction=desc&page=1&pageSize=20", filter.ToQueryString());
    }
}
