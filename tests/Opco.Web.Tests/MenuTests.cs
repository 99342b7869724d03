using Opco.Web.Api;
using Opco.Web.Components.Layout;
using Opco.Web.Domain;

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
}
