using Microsoft.EntityFrameworkCore;
using Opco.Api.Security;
using Opco.Dossier.Domain;
using Opco.Dossier.Domain.Catalogue;
using Opco.SharedKernel;

namespace Opco.Dossier.Data.Seed;

/// <summary>
/// Run mode only (Seed:DemoData): the catalogue Sélection DEFi Formations with 200 offers of a few Qualiopi-certified
/// providers, on several themes, with sessions in the coming months across the regions; a few left unpublished for the
/// administrators' screen. Reference data, seeded once; the same on every machine (fixed seed), dated from today.
/// </summary>
public sealed class DemoCatalogue(DossierDbContext db, IIbanProtector protector, IConfiguration configuration, TimeProvider time,
    ILogger<DemoCatalogue> logger) : IDataSeeder
{
    private const int Offers = 200;

    private static readonly (string Theme, string[] Titles)[] Themes =
    [
        ("Management", ["Management d'équipe", "Manager à distance", "Conduite du changement", "Prise de poste de manager", "Entretiens professionnels"]),
        ("Bureautique et numérique", ["Excel perfectionnement", "Word les bases", "Outils collaboratifs", "Initiation à l'intelligence artificielle", "Cybersécurité au quotidien"]),
        ("Sécurité", ["Sauveteur secouriste du travail", "Habilitation électrique", "Gestes et postures", "Prévention des risques psychosociaux", "CACES chariots élévateurs"]),
        ("Commercial et relation client", ["Négociation commerciale", "Accueil téléphonique", "Gestion des réclamations", "Prospection commerciale", "Relation client omnicanale"]),
        ("Langues", ["Anglais professionnel", "Anglais des affaires", "Espagnol professionnel", "Allemand débutant", "Français langue étrangère"]),
        ("Ressources humaines", ["Recrutement et intégration", "Droit social pour managers", "Paie les fondamentaux", "Gestion prévisionnelle des compétences"]),
        ("Comptabilité et gestion", ["Comptabilité générale", "Lire un bilan", "Contrôle de gestion", "Trésorerie de l'entreprise"]),
        ("Qualité et environnement", ["Démarche qualité ISO 9001", "Éco-conception", "Bilan carbone", "Gestion des déchets"]),
    ];

    private static readonly (string City, string PostalCode, string Region)[] Places =
    [
        ("Lyon", "69003", "Auvergne-Rhône-Alpes"), ("Grenoble", "38000", "Auvergne-Rhône-Alpes"), ("Dijon", "21000", "Bourgogne-Franche-Comté"),
        ("Rennes", "35000", "Bretagne"), ("Orléans", "45000", "Centre-Val de Loire"), ("Strasbourg", "67000", "Grand Est"),
        ("Lille", "59000", "Hauts-de-France"), ("Paris", "75011", "Île-de-France"), ("Rouen", "76000", "Normandie"),
        ("Bordeaux", "33000", "Nouvelle-Aquitaine"), ("Toulouse", "31000", "Occitanie"), ("Montpellier", "34000", "Occitanie"),
        ("Nantes", "44000", "Pays de la Loire"), ("Marseille", "13001", "Provence-Alpes-Côte d'Azur"), ("Saint-Denis", "97400", "La Réunion"),
    ];

    private static readonly string[] Providers =
    [
        "Institut Avenir Formation", "Compétences & Co", "Académie des Métiers", "Forma'Plus", "Cap Savoirs", "Élan Formation Conseil",
        "Atelier Numérique", "Horizon Langues", "Prévention Sécurité Formation", "Gestion Expertise Formation", "Qualité Environnement Conseil",
        "École des Managers",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:DemoData") || await db.CatalogueOffers.AnyAsync(cancellationToken)) return;
        var now = time.GetUtcNow();
        var today = ParisCalendar.Today(time);
        var random = new Random(1616);

        var providers = Providers.Select((name, index) =>
        {
            var (city, postalCode, _) = Places[index % Places.Length];
            var (provider, errors) = TrainingProvider.Create(new TrainingProviderForm(FictionalIdentifiers.Siret(FictionalIdentifiers.Siren(random), 0),
                $"1175{random.Next(1_000_000, 9_999_999)}", name, $"{random.Next(1, 120)} rue de la Formation", postalCode, city, true, null),
                protector, Guid.Empty, now);
            return provider ?? throw new InvalidOperationException($"Demo provider {name}: {string.Join(", ", errors.ToDictionary().Keys)}");
        }).ToList();
        db.TrainingProviders.AddRange(providers);

        for (var i = 0; i < Offers; i++)
        {
            var (theme, titles) = Themes[i % Themes.Length];
            var title = titles[random.Next(titles.Length)];
            var level = random.Next(3) switch { 0 => " – niveau 1", 1 => " – niveau 2", _ => "" };
            var modality = random.Next(10) switch { < 6 => "Presentiel", < 8 => "Distance", _ => "Mixte" };
            var hours = new[] { 7m, 14m, 21m, 28m, 35m }[random.Next(5)];
            var price = hours * random.Next(25, 60);
            var provider = providers[random.Next(providers.Count)];
            var (offer, errors) = CatalogueOffer.Create(new CatalogueOfferForm($"{title}{level}", theme, provider.Id, hours, "ActionFormation", modality,
                price, decimal.Round(price * new[] { 0.5m, 0.7m, 0.8m, 1m }[random.Next(4)], 2),
                $"{title} : une formation de {hours:0} heures négociée par l'OPCO avec {provider.Name}, prise en charge sur le compte Sélection DEFi. "
                + "Objectifs, programme détaillé et modalités d'évaluation communiqués par l'organisme à l'inscription."),
                provider, null, now);
            if (offer is null) throw new InvalidOperationException($"Demo offer {i}: {string.Join(", ", errors.ToDictionary().Keys)}");
            for (var s = random.Next(1, 5); s > 0; s--)
            {
                var (city, _, region) = Places[random.Next(Places.Length)];
                var start = today.AddDays(random.Next(7, 240));
                offer.AddSession(new CatalogueSessionForm(start, start.AddDays((int)Math.Ceiling(hours / 7) - 1),
                    modality == "Distance" ? $"À distance (rattachée à {city})" : city, region, random.Next(0, 13)), null, now);
            }
            // A few drafts for the administrators' screen.
            if (i % 40 != 39) offer.Publish(today, null, now);
            db.CatalogueOffers.Add(offer);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo catalogue: {Count} offers, try the search with \"managment\" or \"securite\"", Offers);
    }
}
