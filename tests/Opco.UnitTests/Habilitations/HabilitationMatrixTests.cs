using Opco.SharedKernel.Habilitations;
using static Opco.SharedKernel.Habilitations.Habilitation;
using static Opco.SharedKernel.Habilitations.Functionality;

namespace Opco.UnitTests.Habilitations;

/// <summary>Seed 003, section 5, row by row: who is allowed, and who is not.</summary>
public sealed class HabilitationMatrixTests
{
    private static readonly Habilitation[] All = Enum.GetValues<Habilitation>();

    public static TheoryData<Functionality, Habilitation[]> Seed => new()
    {
        { CreerDossier, [PriseEnCharge, Gestionnaire] },
        { CreerContratPro, [ContratPro, Gestionnaire] },
        { SuivreDossiers, [PriseEnCharge, Gestionnaire] },
        { SuivreContratsPro, [ContratPro, Gestionnaire] },
        { GererSalaries, [PriseEnCharge, ContratPro, Gestionnaire] },
        { GererSalaireHoraire, [DonneesSensibles, Gestionnaire] },
        { VisualiserComptes, [Reporting, Gestionnaire] },
        { SuivreFactures, [Reporting, Gestionnaire] },
        { DeclarerContributions, [CollecteVersements, Gestionnaire] },
        { DeclencherVersementsVolontaires, [CollecteVersements, Gestionnaire] },
        { GererMandatsPrelevement, [CollecteVersements, Gestionnaire] },
        { VisualiserSuiviFinancier, [Reporting, Gestionnaire] },
        { TelechargerReportingsDefiPerformance, [Reporting, Gestionnaire] },
        { AccederCatalogueSelectionDefi, All },
        { Actualites, All },
        { GererSonProfil, All },
        { GererUtilisateurs, [GestionUtilisateurs, Gestionnaire] },
    };

    [Theory]
    [MemberData(nameof(Seed))]
    public void Each_row_is_allowed_with_exactly_the_habilitations_of_the_seed(Functionality functionality, Habilitation[] allowedWith)
    {
        foreach (var habilitation in All)
            Assert.True(HabilitationMatrix.Allows([habilitation], functionality) == allowedWith.Contains(habilitation),
                $"{functionality} with only {habilitation}: expected {(allowedWith.Contains(habilitation) ? "allowed" : "refused")}");
    }

    [Fact]
    public void The_matrix_has_every_functionality_once_with_its_french_label()
    {
        Assert.Equal(Enum.GetValues<Functionality>().Order(), HabilitationMatrix.Rows.Select(r => r.Functionality).Order());
        Assert.Equal("Gérer les utilisateurs", HabilitationMatrix.For(GererUtilisateurs).Label);
        Assert.Equal(17, HabilitationMatrix.Rows.Count);
    }

    [Fact]
    public void Holding_nothing_allows_nothing() =>
        Assert.Empty(HabilitationMatrix.Allowed([]));

    [Fact]
    public void A_manager_is_allowed_everything() =>
        Assert.Equal(Enum.GetValues<Functionality>().Length, HabilitationMatrix.Allowed([Gestionnaire]).Count());

    [Fact]
    public void The_establishment_administrator_role_is_the_manager_set()
    {
        Assert.Equal([Gestionnaire], Role.AdministrateurEtablissement.Habilitations);
        Assert.Equal("Administrateur de l'établissement", Role.Find("administrateur-etablissement")!.Label);
    }
}
