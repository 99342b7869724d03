using Opco.SharedKernel.Search;

namespace Opco.Bench.Search;

/// <summary>What people type in "Recherchez votre entreprise", from the generated companies.</summary>
internal sealed record BenchQuery(string Kind, string Text, GeneratedCompany Company)
{
    /// <summary>Whether a hit is what the person was looking for (many names share a prefix, a surname or an activity).</summary>
    public bool IsAnswered(BenchHit hit)
    {
        var name = SearchText.Normalize(hit.Name);
        var words = name.Split(' ');
        return Kind switch
        {
            "siren" or "siret" => hit.Siren == Company.Siren,
            "prefix" => name.StartsWith(SearchText.Normalize(Text), StringComparison.Ordinal),
            "word" => words.Any(w => w.StartsWith(SearchText.Normalize(Text), StringComparison.Ordinal)),
            _ => ContainsWords(name, Company.Activity) && ContainsWords(name, Company.Surname),
        };
    }

    private static bool ContainsWords(string name, string words) => $" {name} ".Contains($" {SearchText.Normalize(words)} ", StringComparison.Ordinal);
}

internal sealed record BenchHit(string Siren, string Name);

internal static class QueryMix
{
    public static readonly string[] Kinds = ["prefix", "accents", "typo", "word", "siren", "siret"];

    public static List<BenchQuery> Build(IReadOnlyList<GeneratedCompany> companies, int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var company = companies[random.Next(companies.Count)];
            var kind = Kinds[i % Kinds.Length];
            var text = kind switch
            {
                // Typing the name as shown, stopped after a few letters.
                "prefix" => company.Name[..Math.Min(company.Name.Length, 3 + random.Next(12))],
                // Lower case, no accents: "electricite generale martin".
                "accents" => Strip($"{company.Activity} {company.Surname}").ToLowerInvariant(),
                // One letter missing, doubled or wrong in the activity or the surname.
                "typo" => $"{Typo(random, company.Activity)} {Typo(random, company.Surname)}".ToLowerInvariant(),
                // A word in the middle of the name, being typed.
                "word" => company.Surname[..Math.Min(company.Surname.Length, 4 + random.Next(4))],
                "siren" => company.Siren,
                _ => $"{company.Siret[..3]} {company.Siret[3..6]} {company.Siret[6..9]} {company.Siret[9..]}",
            };
            return new BenchQuery(kind, text, company);
        })];
    }

    private static string Typo(Random random, string word)
    {
        var letters = word.Split(' ')[0];
        if (letters.Length < 5) return word;
        var at = 1 + random.Next(letters.Length - 2);
        var typo = random.Next(3) switch
        {
            0 => letters.Remove(at, 1),
            1 => letters.Insert(at, letters[at].ToString()),
            _ => letters[..at] + (char)('A' + random.Next(26)) + letters[(at + 1)..],
        };
        return typo + word[letters.Length..];
    }

    private static string Strip(string text) =>
        new([.. text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);
}
