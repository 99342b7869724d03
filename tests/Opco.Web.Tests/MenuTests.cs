using Microsoft.Extensions.DependencyInjection;
using Opco.Web.Api;
using Opco.Web.Components.Layout;
using Opco.Web.Domain;
using Opco.Web.State;

namespace Opco.Web.Tests;

/// <summary>Menus show only what the habilitations allow (the seed's matrix).</summary>
public sealed class MenuTests
{
    private static MyEstablishment On(params string[] habilitations) =>
        new("73282932000074", "Siège", "ATELIER DÉMO", true, true, false, habilitations, habilitations, []);

    [Theory]
    [InlineData("Gestionnaire", true)]
    [InlineData("GestionUtilisateurs", true)]
    [InlineData("PriseEnCharge", false)]
    [InlineData("Reporting", false)]
    public async Task Mes_utilisateurs_is_in_the_menu_only_with_user_management(string habilitation, bool shown)
    {
        await using var ctx = new BunitContext();
        var rights = new PortalRights([On(habilitation)], null);
        var profile = new MyProfile(Guid.NewGuid(), "Madame", "Dubois", "Claire", "c@example.fr", null, "DRH", "73282932000074", null);

        var menu = ctx.Render<UserMenu>(p => p.Add(m => m.Profile, profile).Add(m => m.Rights, rights));
        Assert.Empty(menu.FindAll("a"));
        menu.Find("button.user-menu-button").Click();
        Assert.Equal("true", menu.Find("button.user-menu-button").GetAttribute("aria-expanded"));

        Assert.Equal(shown, menu.FindAll("a").Any(a => a.TextContent == "Mes utilisateurs"));
        Assert.Contains("Menu de Claire Dubois", menu.Find("button.user-menu-button").TextContent);
        Assert.Contains(menu.FindAll("a"), a => a.TextContent == "Mon profil");
    }

    [Fact]
    public void Advisors_decide_account_requests_without_managing_users()
    {
        var advisor = new PortalRights([], "Advisor");
        var user = new PortalRights([On("PriseEnCharge")], null);

        Assert.Equal((false, true), (advisor.CanManageUsers, advisor.CanDecideAccountRequests));
        Assert.Equal((false, false), (user.CanManageUsers, user.CanDecideAccountRequests));
        Assert.True(new PortalRights([On("Gestionnaire")], null).IsGestionnaireOf("73282932000074"));
        Assert.False(new PortalRights([On("GestionUtilisateurs")], null).IsGestionnaireOf("73282932000074"));
    }

    [Theory]
    [InlineData("ContratPro", false, true)]
    [InlineData("PriseEnCharge", true, false)]
    [InlineData("Gestionnaire", true, true)]
    [InlineData("Reporting", false, false)]
    public async Task Mes_contrats_de_pro_is_in_the_main_menu_only_with_suivre_les_contrats_de_pro(string habilitation, bool dossiers, bool contracts)
    {
        await using var ctx = new BunitContext();
        var menu = await MainMenuAsync(ctx, null, habilitation);

        Assert.Equal(dossiers, menu.Contains("Mes dossiers"));
        Assert.Equal(contracts, menu.Contains("Mes contrats de pro"));
        Assert.DoesNotContain("Contrats de pro", menu);
    }

    [Theory]
    [InlineData("Reporting", true)]
    [InlineData("Gestionnaire", true)]
    [InlineData("PriseEnCharge", false)]
    [InlineData("ContratPro", false)]
    [InlineData("CollecteVersements", false)]
    public async Task Mes_comptes_is_in_the_main_menu_only_with_visualiser_les_comptes(string habilitation, bool shown)
    {
        await using var ctx = new BunitContext();
        var menu = await MainMenuAsync(ctx, null, habilitation);

        Assert.Equal(shown, menu.Contains("Mes comptes"));
    }

    [Theory]
    [InlineData("Reporting", true)]
    [InlineData("Gestionnaire", true)]
    [InlineData("PriseEnCharge", false)]
    [InlineData("DonneesSensibles", false)]
    public async Task The_activity_s_financial_follow_up_and_the_DEFi_reportings_are_in_the_main_menu_only_with_reporting(string habilitation, bool shown)
    {
        await using var ctx = new BunitContext();
        var menu = await MainMenuAsync(ctx, null, habilitation);

        Assert.Equal((shown, shown), (menu.Contains("Suivi financier de l'activité"), menu.Contains("Reportings DEFi Performance")));
    }

    [Theory]
    [InlineData("CollecteVersements", true)]
    [InlineData("Gestionnaire", true)]
    [InlineData("Reporting", false)]
    [InlineData("PriseEnCharge", false)]
    public async Task The_collecte_s_pages_are_in_the_main_menu_only_with_collecte_versements(string habilitation, bool shown)
    {
        await using var ctx = new BunitContext();
        var menu = await MainMenuAsync(ctx, null, habilitation);

        Assert.Equal([shown, shown, shown], new[] { "Mes contributions", "Mes versements volontaires", "Mes mandats de prélèvement" }.Select(menu.Contains));
        Assert.DoesNotContain("Collecte", menu);
    }

    [Fact]
    public async Task Administrators_find_the_collecte_to_record_cash_and_activate_mandates()
    {
        await using var ctx = new BunitContext();
        var menu = await MainMenuAsync(ctx, "Administrator");

        Assert.Contains("Collecte", menu);
        Assert.DoesNotContain("Mes mandats de prélèvement", menu);
    }

    [Fact]
    public async Task Advisors_find_the_contracts_to_decide_next_to_the_dossiers()
    {
        await using var ctx = new BunitContext();
        var menu = await MainMenuAsync(ctx, "Advisor");

        Assert.Equal(["Accueil", "Mes notifications", "Actualités", "Catalogue Sélection DEFi Formations", "Dossiers à instruire", "Contrats de pro",
            "Factures à contrôler", "Demandes de création de compte"], menu);
    }

    [Theory]
    [InlineData(null, "PriseEnCharge", true)]
    [InlineData(null, "Reporting", true)]
    [InlineData(null, "CollecteVersements", true)]
    [InlineData("Administrator", null, true)]
    [InlineData(null, null, false)]
    public async Task The_catalogue_is_in_the_main_menu_with_any_habilitation_and_for_the_staff(string? staffRole, string? habilitation, bool shown)
    {
        await using var ctx = new BunitContext();
        var menu = await MainMenuAsync(ctx, staffRole, habilitation is null ? [] : [habilitation]);

        Assert.Equal(shown, menu.Contains("Catalogue Sélection DEFi Formations"));
        Assert.Equal(staffRole == "Administrator", menu.Contains("Offres du catalogue"));
    }

    [Theory]
    [InlineData(null, "Reporting", false)]
    [InlineData(null, "DonneesSensibles", false)]
    [InlineData("Advisor", null, false)]
    [InlineData("Administrator", null, true)]
    public async Task Everyone_reads_the_news_and_only_administrators_manage_them(string? staffRole, string? habilitation, bool manages)
    {
        await using var ctx = new BunitContext();
        var menu = await MainMenuAsync(ctx, staffRole, habilitation is null ? [] : [habilitation]);

        Assert.Contains("Actualités", menu);
        Assert.Equal(manages, menu.Contains("Gérer les actualités"));
    }

    /// <summary>The main menu's links for a user holding these habilitations on one establishment (or none), with this staff role.</summary>
    private static async Task<IReadOnlyList<string>> MainMenuAsync(BunitContext ctx, string? staffRole, params string[] habilitations)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var api = new FakeApi()
            .On(HttpMethod.Get, "/api/identity/me", new MyProfile(Guid.NewGuid(), "Madame", "Dubois", "Claire", "c@example.fr", null, "DRH", null, staffRole))
            .On(HttpMethod.Get, "/api/identity/me/establishments", habilitations.Length == 0 ? [] : new[] { On(habilitations) });
        api.Register(ctx.Services);
        ctx.Services.AddScoped<CurrentUser>();
        await ctx.Services.GetRequiredService<CurrentUser>().EnsureLoadedAsync();

        var layout = ctx.Render<MainLayout>();
        return [.. layout.FindAll("nav.main-nav a").Select(a => a.TextContent.Trim())];
    }
}
