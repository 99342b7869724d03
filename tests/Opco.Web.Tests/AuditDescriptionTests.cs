using Opco.Web.Domain;

namespace Opco.Web.Tests;

public sealed class AuditDescriptionTests
{
    [Fact]
    public void Changes_list_what_differs_in_french()
    {
        const string before = """{"Civility":"Madame","LastName":"Dupont","FirstName":"Jeanne","Email":"j@example.fr","Phone":null,"Function":"DRH","IsActive":true,"Establishments":{"73282932000074":["PriseEnCharge"]}}""";
        const string after = """{"Civility":"Madame","LastName":"Durand","FirstName":"Jeanne","Email":"j@example.fr","Phone":null,"Function":"DRH","IsActive":false,"Establishments":{"73282932000074":["PriseEnCharge","Reporting"],"73282932000090":["Gestionnaire"]}}""";

        Assert.Equal(
        [
            "Nom : Dupont → Durand",
            "Actif : Oui → Non",
            "Accès sur 73282932000074 : Prise en charge → Prise en charge, Données des reporting",
            "Accès sur 73282932000090 : Gestionnaire",
        ], AuditDescription.Changes(before, after));
        Assert.Equal("Modification des accès", AuditDescription.ActionLabel("HabilitationsChanged"));
    }
}
