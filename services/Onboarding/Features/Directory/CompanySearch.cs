using Opco.SharedKernel.Search;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.Directory;

/// <summary>
/// "Recherchez votre entreprise": by name (accent- and case-insensitive, prefix, typo tolerant), SIREN or SIRET.
/// Best first, each tier from an index and stopped as soon as the page is full: names starting with the query
/// (prefix index), then names with a word starting with it, then close spellings of each word (trigram index) ranked
/// word by word (<see cref="SearchRanking"/>).
/// </summary>
public static class CompanySearch
{
    public const int MinLength = 2;
    public const int MaxLimit = 20;

    public sealed record Hit(string Siren, string Name, string? City, string? ServiceOffer);

    private sealed record Candidate(string Siren, string Name, string SearchName, string? City, string? ServiceOffer);

    public static async Task<List<Hit>> FindAsync(OnboardingDbContext db, string? query, int limit, CancellationToken cancellationToken)
    {
        var text = query?.Trim() ?? "";
        if (text.Length < MinLength) return [];
        if (SearchText.Digits(text) is { } digits) return await ByNumberAsync(db, digits, limit, cancellationToken);

        var name = SearchText.Normalize(text);
        if (name.Length < MinLength) return [];
        var prefix = name + "%";
        var hits = await db.Database.SqlQuery<Hit>($"""
            SELECT c."Siren", c."Name", c."ServiceOffer", (SELECT e."City" FROM establishments e WHERE e."Siren" = c."Siren" ORDER BY e."IsHeadOffice" DESC, e."Siret" LIMIT 1) AS "City"
            FROM companies c WHERE c."SearchName" LIKE {prefix}
            ORDER BY c."SearchName", c."Siren" LIMIT {limit}
            """).ToListAsync(cancellationToken);
        // Trigrams need three characters; two only ever match a name's start.
        if (hits.Count >= limit || name.Length < 3) return hits;

        var wordStart = "% " + name + "%";
        hits.AddRange(await db.Database.SqlQuery<Hit>($"""
            SELECT c."Siren", c."Name", c."ServiceOffer", (SELECT e."City" FROM establishments e WHERE e."Siren" = c."Siren" ORDER BY e."IsHeadOffice" DESC, e."Siret" LIMIT 1) AS "City"
            FROM companies c WHERE c."SearchName" LIKE {wordStart} AND c."SearchName" NOT LIKE {prefix}
            ORDER BY c."SearchName", c."Siren" LIMIT {limit - hits.Count}
            """).ToListAsync(cancellationToken));
        if (hits.Count >= limit) return hits;

        var fuzzy = await CloseSpellingsAsync(db, name, prefix, wordStart, cancellationToken);
        hits.AddRange(fuzzy.OrderByDescending(c => SearchRanking.Score(name, c.SearchName)).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(limit - hits.Count).Select(c => new Hit(c.Siren, c.Name, c.City, c.ServiceOffer)));
        return hits;
    }

    /// <summary>
    /// Names with, for every query word of three letters or more, a part close to it (<see cref="CloseSpellings"/>), not
    /// already found above.
    /// </summary>
    private static async Task<List<Candidate>> CloseSpellingsAsync(OnboardingDbContext db, string name, string prefix, string wordStart,
        CancellationToken cancellationToken)
    {
        var words = CloseSpellings.Words(name);
        if (words.Count == 0) return [];
        var parameters = new List<object> { prefix, wordStart };
        var conditions = CloseSpellings.Conditions(words, "c.\"SearchName\"", parameters);
        parameters.Add(CloseSpellings.Candidates);
        var sql = $$"""
            SELECT c."Siren", c."Name", c."SearchName", c."ServiceOffer", (SELECT e."City" FROM establishments e WHERE e."Siren" = c."Siren" ORDER BY e."IsHeadOffice" DESC, e."Siret" LIMIT 1) AS "City"
            FROM companies c
            WHERE {{conditions}} AND c."SearchName" NOT LIKE {0} AND c."SearchName" NOT LIKE {1}
            LIMIT {{{parameters.Count - 1}}}
            """;
        return await CloseSpellings.QueryAsync(db, sql, parameters, r => new Candidate(r.GetString(0), r.GetString(1), r.GetString(2),
            r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(3) ? null : r.GetString(3)), cancellationToken);
    }

    /// <summary>A SIREN, a SIRET (its company), or the first digits of either while they are being typed.</summary>
    private static Task<List<Hit>> ByNumberAsync(OnboardingDbContext db, string digits, int limit, CancellationToken cancellationToken)
    {
        if (digits.Length == 14)
            return db.Establishments.AsNoTracking().Where(e => e.Siret == digits)
                .Join(db.Companies, e => e.Siren, c => c.Siren, (e, c) => c).Select(Project(db)).ToListAsync(cancellationToken);
        if (digits.Length >= 9)
        {
            var siren = digits[..9];
            return db.Companies.AsNoTracking().Where(c => c.Siren == siren).Select(Project(db)).ToListAsync(cancellationToken);
        }
        if (digits.Length < 3) return Task.FromResult(new List<Hit>());
        var prefix = digits + "%";
        return db.Companies.AsNoTracking().Where(c => EF.Functions.Like(c.Siren, prefix)).OrderBy(c => c.Siren).Take(limit)
            .Select(Project(db)).ToListAsync(cancellationToken);
    }

    private static System.Linq.Expressions.Expression<Func<Company, Hit>> Project(OnboardingDbContext db) => c => new Hit(c.Siren, c.Name,
        db.Establishments.Where(e => e.Siren == c.Siren).OrderByDescending(e => e.IsHeadOffice).ThenBy(e => e.Siret).Select(e => e.City).FirstOrDefault(),
        c.ServiceOffer);
}
