using Microsoft.EntityFrameworkCore;
using Opco.Notification.Domain;

namespace Opco.Notification.Data.Seed;

/// <summary>
/// Run mode only (Seed:DemoData): a few published news for the home page and « Actualités », one targeted at
/// DEFi Performance (ATELIER DÉMO, the demo manager's company, holds it), written by no one in particular (empty author).
/// </summary>
public sealed class DemoNews(NotificationDbContext db, IConfiguration configuration, TimeProvider time, ILogger<DemoNews> logger) : IDataSeeder
{
    private static readonly (string Title, string Summary, string Body, string? Offer, int DaysAgo)[] Items =
    [
        ("Nouveaux plafonds de prise en charge 2027",
            "Les plafonds horaires de prise en charge du Plan de développement des compétences évoluent au 1er janvier.",
            "## Ce qui change\n\nÀ compter du **1er janvier 2027**, les plafonds horaires évoluent :\n\n- formations techniques : 45 € HT de l'heure ;\n- formations transverses : 35 € HT de l'heure.\n\nRetrouvez le détail sur [notre site](https://www.opco-demo.fr).",
            null, 2),
        ("Réservé DEFi Performance : vos reportings trimestriels",
            "Les reportings DEFi Performance du troisième trimestre sont disponibles au téléchargement.",
            "Les reportings du **troisième trimestre** sont disponibles dans *Suivi financier de l'activité*.\n\nUne question ? Écrivez à [votre conseiller](mailto:conseiller@opco-demo.fr).",
            "DEFi Performance", 5),
        ("Contrats de professionnalisation : la campagne de rentrée",
            "Pensez à transmettre vos contrats de professionnalisation avant le début de la formation.",
            "Un contrat transmis tard retarde sa décision.\n\n1. Créez le contrat dès la signature ;\n2. joignez le CERFA signé ;\n3. transmettez-le.",
            null, 12),
        ("Mon compte OPCO fait peau neuve",
            "Une nouvelle page d'accueil rassemble vos dossiers, vos comptes, vos notifications et nos actualités.",
            "La page d'accueil montre désormais ce qui demande votre attention sur votre établissement préféré.",
            null, 20),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:DemoData") || await db.News.AnyAsync(cancellationToken)) return;
        var now = time.GetUtcNow();
        foreach (var (title, summary, body, offer, daysAgo) in Items)
        {
            var at = now.AddDays(-daysAgo);
            var (news, _) = NewsItem.Draft(new NewsForm(title, summary, body, offer), Guid.Empty, at);
            news!.Publish(at, Guid.Empty, at);
            db.News.Add(news);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo news: {Count} published", Items.Length);
    }
}
