using Microsoft.EntityFrameworkCore;
using Opco.SharedKernel;
using Opco.Onboarding.Domain;
using Opco.Onboarding.Features.Registry;

namespace Opco.Onboarding.Data.Seed;

/// <summary>
/// Run mode only (Seed:DemoData): ATELIER DÉMO, whose two establishments identity's demo accounts use, and a few
/// hundred fictional companies with valid identifiers, varied headcounts and offers, some closed sites; a few pending
/// requests to decide. Everything is published like any registry change. The same data on every machine (fixed seed).
/// </summary>
public sealed class DemoRegistry(OnboardingDbContext db, IConfiguration configuration, TimeProvider time, ILogger<DemoRegistry> logger)
    : IDataSeeder
{
    public const string DemoSiren = "732829320";
    public const string HeadOffice = "73282932000074";
    public const string Branch = "73282932000090";
    public const string AdvisorEmail = "conseiller@opco-demo.fr";
    private const int Companies = 300;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:DemoData") || await db.Companies.AnyAsync(c => c.Siren == DemoSiren, cancellationToken)) return;
        var now = time.GetUtcNow();
        var random = new Random(2026);

        var atelier = Register(new CompanyDetails(DemoSiren, "ATELIER DÉMO", 42, ServiceOffers.Performance, AdvisorEmail), now,
            new EstablishmentDetails(HeadOffice, "Atelier Démo – Siège, Lyon", "12 rue de la République", "69002", "LYON", true),
            new EstablishmentDetails(Branch, "Atelier Démo – Agence de Grenoble", "3 avenue Alsace-Lorraine", "38000", "GRENOBLE"));
        var sirens = new HashSet<string> { DemoSiren };
        var others = new List<Company>();
        while (others.Count < Companies)
        {
            var siren = FictionalIdentifiers.Siren(random);
            if (sirens.Add(siren)) others.Add(RandomCompany(random, siren, now));
        }

        foreach (var company in others.Prepend(atelier))
        {
            db.Companies.Add(company);
            RegistryEvents.CompanyRegistered(db, company, now);
            foreach (var establishment in company.Establishments) RegistryEvents.EstablishmentRegistered(db, company, establishment, now);
        }
        AddPendingRequests(others.First(c => c.AdvisorEmail == AdvisorEmail && c.Establishments.Any(e => !e.IsClosed)), now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo registry: {Count} companies, try the search with \"atelier\" or \"boulangerie\"", others.Count + 1);
    }

    private static Company RandomCompany(Random random, string siren, DateTimeOffset now)
    {
        var activity = Pick(random, DemoNames.Activities);
        var surname = Pick(random, DemoNames.Surnames);
        var (city, postalCode) = Pick(random, DemoNames.Cities);
        var name = random.Next(4) == 0
            ? $"{activity} DE {city} {Pick(random, DemoNames.LegalForms)}"
            : $"{activity} {surname}{Pick(random, DemoNames.Suffixes)} {Pick(random, DemoNames.LegalForms)}";
        var headcount = random.Next(10) switch
        {
            < 4 => random.Next(1, 11),
            < 7 => random.Next(11, 50),
            < 9 => random.Next(50, 250),
            _ => random.Next(250, 2000),
        };
        var offer = random.Next(20) switch { < 5 => ServiceOffers.Performance, < 8 => ServiceOffers.Essentiel, _ => null };
        var shortName = $"{activity} {surname}";
        var sites = new List<EstablishmentDetails> { Site(random, siren, 0, $"{shortName} – Siège", city, postalCode, headOffice: true) };
        for (var index = 1; index < 1 + random.Next(0, headcount > 50 ? 5 : 2); index++)
        {
            var (branchCity, branchPostalCode) = Pick(random, DemoNames.Cities);
            sites.Add(Site(random, siren, index, $"{shortName} – Agence de {branchCity}", branchCity, branchPostalCode, headOffice: false));
        }
        var company = Register(new CompanyDetails(siren, name, headcount, offer, random.Next(10) == 0 ? null : AdvisorEmail), now, [.. sites]);
        foreach (var branch in company.Establishments.Where(e => !e.IsHeadOffice && random.Next(8) == 0))
            branch.Close(new DateOnly(2025, 1 + random.Next(12), 1 + random.Next(28)));
        return company;
    }

    private static EstablishmentDetails Site(Random random, string siren, int index, string name, string city, string postalCode, bool headOffice) =>
        new(FictionalIdentifiers.Siret(siren, index), name, $"{1 + random.Next(120)} {Pick(random, DemoNames.Streets)}", postalCode, city, headOffice);

    private static Company Register(CompanyDetails details, DateTimeOffset now, params EstablishmentDetails[] sites)
    {
        var (company, errors) = Company.Register(details, now);
        if (company is null) throw new InvalidOperationException($"Invalid demo company {details.Siren}: {string.Join("; ", errors.ToDictionary().Keys)}");
        foreach (var site in sites)
            if (company.AddEstablishment(site).Establishment is null) throw new InvalidOperationException($"Invalid demo establishment {site.Siret}");
        return company;
    }

    /// <summary>Two account requests for ATELIER DÉMO's manager (one old enough to be reminded), one for the advisor, and a new site.</summary>
    private void AddPendingRequests(Company withoutManager, DateTimeOffset now)
    {
        var advisorSite = withoutManager.Establishments.First(e => !e.IsClosed).Siret;
        AccountRequestForm[] forms =
        [
            new("Binks", "Jar-Jar", HeadOffice, "jar-jar.binks@atelier-demo.fr", null, "Wizard", "Monsieur", "Gaffeur du mois", "0611223344",
                "Gestionnaire formation"),
            new("Durand", "Sophie", Branch, "sophie.durand@atelier-demo.fr", "sophie.durand@atelier-demo.fr"),
            new("Petit", "Lucas", advisorSite, "lucas.petit@example.fr", "lucas.petit@example.fr"),
        ];
        foreach (var (form, daysAgo) in forms.Zip([2, 8, 1]))
        {
            var (request, _) = AccountRequest.Submit(form, now.AddDays(-daysAgo));
            db.AccountRequests.Add(request!);
        }
        var (newSite, _) = RegistrationRequest.Submit(new RegistrationRequestForm("Establishment", DemoSiren, FictionalIdentifiers.Siret(DemoSiren, 7),
            "Atelier Démo – Agence d'Annecy", "5 rue Royale", "74000", "ANNECY", "claire.dubois@atelier-demo.fr", "Dubois", "Claire"), now.AddDays(-1));
        db.RegistrationRequests.Add(newSite!);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
