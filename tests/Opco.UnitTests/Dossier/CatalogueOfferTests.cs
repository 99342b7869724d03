using Opco.Dossier.Domain.Catalogue;
using Opco.Dossier.Domain.Dossiers;

namespace Opco.UnitTests.Dossier;

/// <summary>The rules of a catalogue offer: its fields, its sessions, publication, and which session a company may ask funding for.</summary>
public sealed class CatalogueOfferTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly Guid Admin = Guid.NewGuid();

    private static CatalogueOfferForm Form(decimal? price = 980m, decimal? covered = 700m, string? title = "Management d'équipe", string? modality = "Mixte") =>
        new(title, "Management", Guid.NewGuid(), 14m, "ActionFormation", modality, price, covered, "Deux jours pour animer une équipe.");

    private static CatalogueOffer Offer(params DateOnly[] sessionStarts)
    {
        var provider = FundingDossierTests.Provider(qualiopi: true);
        var (offer, errors) = CatalogueOffer.Create(Form() with { TrainingProviderId = provider.Id }, provider, Admin, Now);
        Assert.True(errors.IsEmpty);
        foreach (var start in sessionStarts)
            Assert.True(offer!.AddSession(new CatalogueSessionForm(start, start.AddDays(1), "Lyon", "auvergne rhone alpes", 8), Admin, Now).Errors.IsEmpty);
        return offer!;
    }

    [Fact]
    public void A_complete_form_makes_an_unpublished_offer_named_after_its_provider_and_searchable_without_accents()
    {
        var offer = Offer();

        Assert.False(offer.IsPublished);
        Assert.Equal("Institut", offer.ProviderName);
        Assert.Equal(TrainingModality.Mixte, offer.Modality);
        Assert.Equal("management d equipe management institut", offer.SearchText);
    }

    [Fact]
    public void Every_wrong_field_is_told_in_french_and_nothing_is_made()
    {
        var uncertified = FundingDossierTests.Provider(qualiopi: false);
        var (offer, errors) = CatalogueOffer.Create(new CatalogueOfferForm(" ", null, uncertified.Id, 0m, "Stage", "Hybride", 100.001m, null, null),
            uncertified, Admin, Now);

        Assert.Null(offer);
        var messages = errors.ToDictionary();
        Assert.Equal("L'intitulé est obligatoire.", messages["title"].Single());
        Assert.Equal("Le thème est obligatoire.", messages["theme"].Single());
        Assert.Equal("La description est obligatoire.", messages["description"].Single());
        Assert.StartsWith("Cet organisme n'est pas certifié Qualiopi", messages["trainingProviderId"].Single());
        Assert.StartsWith("La durée : indiquez un nombre d'heures supérieur à 0", messages["hours"].Single());
        Assert.StartsWith("Choisissez la nature de l'action", messages["nature"].Single());
        Assert.Equal("Choisissez la modalité : présentiel, distance ou mixte.", messages["modality"].Single());
        Assert.Equal("Le prix s'exprime en euros et centimes (deux décimales au plus).", messages["price"].Single());
        Assert.Equal("La prise en charge est obligatoire.", messages["coveredAmount"].Single());
    }

    [Fact]
    public void The_opco_covers_at_most_the_price_and_a_provider_outside_the_registry_is_refused()
    {
        var provider = FundingDossierTests.Provider(qualiopi: true);
        var (_, tooMuch) = CatalogueOffer.Create(Form(price: 500m, covered: 500.01m), provider, Admin, Now);
        var (_, unknown) = CatalogueOffer.Create(Form(), null, Admin, Now);
        var (exact, none) = CatalogueOffer.Create(Form(price: 500m, covered: 500m), provider, Admin, Now);

        Assert.Equal("La prise en charge par l'OPCO ne peut pas dépasser le prix de la formation.", tooMuch.ToDictionary()["coveredAmount"].Single());
        Assert.Equal("Cet organisme n'est pas dans le registre des organismes de formation.", unknown.ToDictionary()["trainingProviderId"].Single());
        Assert.True(none.IsEmpty);
        Assert.Equal(500m, exact!.CoveredAmount);
    }

    [Fact]
    public void A_session_needs_ordered_dates_a_place_a_known_region_and_seats_and_its_region_is_spelt_as_the_list()
    {
        var offer = Offer();
        var (wrong, errors) = offer.AddSession(new CatalogueSessionForm(Today.AddDays(10), Today.AddDays(9), "", "Atlantide", -1), Admin, Now);
        var (session, none) = offer.AddSession(new CatalogueSessionForm(Today.AddDays(10), Today.AddDays(11), "Rennes", "BRETAGNE", 12), Admin, Now);

        Assert.Null(wrong);
        var messages = errors.ToDictionary();
        Assert.Equal("La date de fin ne peut pas précéder la date de début.", messages["endDate"].Single());
        Assert.Equal("Le lieu est obligatoire.", messages["place"].Single());
        Assert.Equal("Choisissez la région de la session.", messages["region"].Single());
        Assert.Equal("Le nombre de places restantes est compris entre 0 et 1000.", messages["seatsLeft"].Single());
        Assert.True(none.IsEmpty);
        Assert.Equal("Bretagne", session!.Region);
        Assert.Single(offer.Sessions);
    }

    [Fact]
    public void An_offer_is_published_only_with_a_session_to_come_and_keeps_one_while_published()
    {
        var past = Offer(Today.AddDays(-5));
        Assert.Equal("Ajoutez au moins une session à venir avant de publier l'offre.", past.Publish(Today, Admin, Now).ToDictionary()["sessions"].Single());
        Assert.False(past.IsPublished);

        var offer = Offer(Today.AddDays(20));
        Assert.True(offer.Publish(Today, Admin, Now).IsEmpty);
        Assert.True(offer.IsPublished);
        Assert.StartsWith("Une offre publiée garde au moins une session à venir",
            offer.RemoveSession(offer.Sessions[0].Id, Today, Admin, Now).ToDictionary()["sessionId"].Single());
        offer.Unpublish(Admin, Now);
        Assert.True(offer.RemoveSession(offer.Sessions[0].Id, Today, Admin, Now).IsEmpty);
        Assert.Empty(offer.Sessions);
    }

    [Fact]
    public void Funding_is_asked_for_a_session_to_come_with_a_seat_left_of_a_published_offer()
    {
        var offer = Offer(Today.AddDays(30), Today, Today.AddDays(40));
        var (coming, started, full) = (offer.Sessions[0], offer.Sessions[1], offer.Sessions[2]);
        Assert.True(offer.EditSession(full.Id, new CatalogueSessionForm(full.StartDate, full.EndDate, "Lyon", "Auvergne-Rhône-Alpes", 0), Admin, Now).IsEmpty);

        Assert.Equal("Cette offre n'est plus au catalogue.", offer.CannotRequest(coming, Today));
        offer.Publish(Today, Admin, Now);
        Assert.Null(offer.CannotRequest(coming, Today));
        Assert.Equal("Cette session a déjà commencé : choisissez une session à venir.", offer.CannotRequest(started, Today));
        Assert.Equal("Cette session est complète : choisissez une autre session.", offer.CannotRequest(full, Today));
        Assert.Equal("Choisissez une session de l'offre.", offer.CannotRequest(null, Today));
        Assert.Equal("Choisissez une session de l'offre.", offer.CannotRequest(Offer(Today.AddDays(30)).Sessions[0], Today));
    }
}
