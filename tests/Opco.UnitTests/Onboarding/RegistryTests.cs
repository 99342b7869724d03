using Opco.Onboarding.Domain;
using Opco.SharedKernel;

namespace Opco.UnitTests.Onboarding;

public sealed class RegistryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static EstablishmentDetails Site(string siret, bool headOffice = false) =>
        new(siret, "Atelier Démo – Siège", "12 rue de la République", "69002", "LYON", headOffice);

    private static Company Atelier() =>
        Company.Register(new CompanyDetails("732 829 320", "Atelier Démo", 42, "defi performance", "Conseiller@Opco-Demo.fr"), Now).Company!;

    [Fact]
    public void A_company_is_stored_normalised_with_its_search_name()
    {
        var company = Atelier();
        Assert.Equal(("732829320", "Atelier Démo", "atelier demo", ServiceOffers.Performance, "conseiller@opco-demo.fr"),
            (company.Siren, company.Name, company.SearchName, company.ServiceOffer, company.AdvisorEmail));
    }

    [Fact]
    public void Bad_company_fields_each_get_a_french_message()
    {
        var (company, errors) = Company.Register(new CompanyDetails("404833047", " ", -1, "Premium", "conseiller"), Now);
        Assert.Null(company);
        var messages = errors.ToDictionary();
        Assert.Equal(["Ce numéro SIREN n'existe pas : vérifiez sa saisie."], messages["siren"]);
        Assert.Equal(["La raison sociale est obligatoire."], messages["name"]);
        Assert.Equal(["L'effectif doit être un nombre de salariés positif."], messages["headcount"]);
        Assert.Equal(["L'offre de service doit être l'une de : DEFi Performance, DEFi Essentiel."], messages["serviceOffer"]);
        Assert.Equal(["L'email du conseiller n'est pas une adresse valide."], messages["advisorEmail"]);
    }

    [Fact]
    public void An_establishment_must_belong_to_the_company_and_have_a_french_postal_code()
    {
        var company = Atelier();
        var (_, errors) = company.AddEstablishment(Site("40483304800022") with { PostalCode = "6900" });
        var messages = errors.ToDictionary();
        Assert.Equal(["Le SIRET doit commencer par le SIREN de l'entreprise (732829320)."], messages["siret"]);
        Assert.Equal(["Le code postal doit comporter 5 chiffres."], messages["postalCode"]);
    }

    [Fact]
    public void The_first_site_is_the_head_office_and_there_is_only_ever_one()
    {
        var company = Atelier();
        company.AddEstablishment(Site("73282932000090"));
        company.AddEstablishment(Site("73282932000074", headOffice: true));
        Assert.Equal(["73282932000074"], company.Establishments.Where(e => e.IsHeadOffice).Select(e => e.Siret));
        Assert.Equal(["Cet établissement existe déjà."], company.AddEstablishment(Site("73282932000090")).Errors.ToDictionary()["siret"]);
    }

    [Fact]
    public void Closing_keeps_the_first_date()
    {
        var site = Atelier().AddEstablishment(Site("73282932000074")).Establishment!;
        Assert.True(site.Close(new DateOnly(2025, 3, 1)));
        Assert.False(site.Close(new DateOnly(2026, 1, 1)));
        Assert.Equal((true, new DateOnly(2025, 3, 1), "12 rue de la République, 69002 LYON"), (site.IsClosed, site.ClosedOn, site.PostalAddress));
    }

    [Fact]
    public void A_registration_request_checks_the_siret_against_the_siren_and_the_requester()
    {
        var (request, errors) = RegistrationRequest.Submit(new RegistrationRequestForm("Entreprise", "732829320", "40483304800022", "", "1 rue X",
            "69002", "LYON", "pas-un-email", "Dupont", ""), Now);
        Assert.Null(request);
        var messages = errors.ToDictionary();
        Assert.Contains("kind", messages.Keys);
        Assert.Equal(["Le SIRET doit commencer par le SIREN de l'entreprise (732829320)."], messages["siret"]);
        Assert.Equal(["Le nom est obligatoire."], messages["name"]);
        Assert.Equal(["L'email n'est pas une adresse valide."], messages["requesterEmail"]);
        Assert.Equal(["Le prénom est obligatoire."], messages["requesterFirstName"]);
    }

    [Fact]
    public void A_company_request_creates_its_head_office()
    {
        var (request, errors) = RegistrationRequest.Submit(new RegistrationRequestForm("company", "732829320", "73282932000074", "Atelier Démo",
            "12 rue de la République", "69002", "LYON", "claire@example.fr", "Dubois", "Claire"), Now);
        Assert.True(errors.IsEmpty);
        Assert.Equal((RegistrationRequestKind.Company, true), (request!.Kind, request.Establishment.IsHeadOffice));
    }

    [Fact]
    public void Fictional_identifiers_are_valid_sirens_and_sirets()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var siren = FictionalIdentifiers.Siren(random);
            Assert.True(Siren.TryParse(siren, out _), siren);
            Assert.True(Siret.TryParse(FictionalIdentifiers.Siret(siren, i % 20), out _), siren);
        }
    }
}
