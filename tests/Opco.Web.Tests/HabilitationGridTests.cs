using Opco.SharedKernel.Habilitations;
using Opco.Web.Components.Shared;
using Opco.Web.Domain;

namespace Opco.Web.Tests;

/// <summary>"Accès" check boxes: Gestionnaire holds everything; only a Gestionnaire may grant or remove it.</summary>
public sealed class HabilitationGridTests
{
    [Fact]
    public async Task The_seven_boxes_have_labels_in_the_seed_order()
    {
        await using var ctx = new BunitContext();
        var grid = ctx.Render<HabilitationGrid>(p => p.Add(g => g.Selection, new HabilitationSelection(["PriseEnCharge"], callerIsGestionnaire: true))
            .Add(g => g.IdPrefix, "acces"));

        var labels = grid.FindAll("label").Select(l => l.TextContent).ToList();
        Assert.Equal(["Gestionnaire", "Prise en charge", "Contrat de Professionnalisation", "Données des reporting", "Collecte/Versement",
            "Données sensibles", "Gestion des utilisateurs"], labels);
        foreach (var label in grid.FindAll("label"))
            Assert.NotNull(grid.Find($"#{label.GetAttribute("for")}"));
        Assert.True(grid.Find("#acces-PriseEnCharge").HasAttribute("checked"));
        Assert.False(grid.Find("#acces-Reporting").HasAttribute("checked"));
    }

    [Fact]
    public async Task Ticking_gestionnaire_ticks_and_locks_every_other_box_and_saves_gestionnaire_alone()
    {
        await using var ctx = new BunitContext();
        var selection = new HabilitationSelection(["PriseEnCharge"], callerIsGestionnaire: true);
        var changes = 0;
        var grid = ctx.Render<HabilitationGrid>(p => p.Add(g => g.Selection, selection).Add(g => g.IdPrefix, "acces")
            .Add(g => g.OnChange, () => changes++));

        grid.Find("#acces-Gestionnaire").Change(true);

        Assert.Equal(1, changes);
        foreach (var other in HabilitationSelection.DisplayOrder.Where(h => h != Habilitation.Gestionnaire))
        {
            var box = grid.Find($"#acces-{other}");
            Assert.True(box.HasAttribute("checked") && box.HasAttribute("disabled"), $"{other} should be ticked and locked");
        }
        Assert.Contains("Le gestionnaire a tous les accès", grid.Markup);
        Assert.Equal(["Gestionnaire"], selection.ToRequest());

        grid.Find("#acces-Gestionnaire").Change(false);

        Assert.False(grid.Find("#acces-Reporting").HasAttribute("disabled"));
        Assert.Equal(["PriseEnCharge"], selection.ToRequest());
    }

    [Fact]
    public async Task A_manager_without_gestionnaire_cannot_tick_it_but_can_tick_the_others()
    {
        await using var ctx = new BunitContext();
        var selection = new HabilitationSelection([], callerIsGestionnaire: false);
        var grid = ctx.Render<HabilitationGrid>(p => p.Add(g => g.Selection, selection).Add(g => g.IdPrefix, "acces"));

        Assert.True(grid.Find("#acces-Gestionnaire").HasAttribute("disabled"));
        Assert.Contains("Seul un gestionnaire peut donner ou retirer", grid.Markup);
        grid.Find("#acces-Reporting").Change(true);
        grid.Find("#acces-CollecteVersements").Change(true);

        Assert.Equal(["Reporting", "CollecteVersements"], selection.ToRequest());
        Assert.True(selection.HasChanged);
        Assert.Contains(Functionality.VisualiserComptes, selection.AllowedFunctionalities);
        Assert.DoesNotContain(Functionality.GererUtilisateurs, selection.AllowedFunctionalities);
    }
}
