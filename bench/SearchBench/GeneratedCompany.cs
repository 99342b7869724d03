using Opco.SharedKernel;
using Opco.SharedKernel.Search;
using Opco.Onboarding.Data.Seed;

namespace Opco.Bench.Search;

/// <summary>A fictional company as the registry would store it: valid SIREN, one head office, a name from French words.</summary>
internal sealed record GeneratedCompany(string Siren, string Siret, string Name, string Activity, string Surname, string City, string PostalCode)
{
    private static readonly string[] Qualifiers = ["", "", "", "GROUPE ", "ÉTABLISSEMENTS ", "SOCIÉTÉ ", "ATELIERS ", "NOUVELLE "];

    public string SearchName => SearchText.Normalize(Name);

    public static List<GeneratedCompany> Many(int count, int seed)
    {
        var random = new Random(seed);
        var sirens = new HashSet<string>();
        var companies = new List<GeneratedCompany>(count);
        while (companies.Count < count)
        {
            var siren = FictionalIdentifiers.Siren(random);
            if (!sirens.Add(siren)) continue;
            var activity = Pick(random, DemoNames.Activities);
            var surname = Pick(random, DemoNames.Surnames);
            var (city, postalCode) = Pick(random, DemoNames.Cities);
            var name = random.Next(5) == 0
                ? $"{Pick(random, Qualifiers)}{activity} DE {city} {Pick(random, DemoNames.LegalForms)}"
                : $"{Pick(random, Qualifiers)}{activity} {surname}{Pick(random, DemoNames.Suffixes)} {Pick(random, DemoNames.LegalForms)}";
            companies.Add(new GeneratedCompany(siren, FictionalIdentifiers.Siret(siren, 0), name, activity, surname, city, postalCode));
        }
        return companies;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
