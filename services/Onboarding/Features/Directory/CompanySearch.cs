using Microsoft.EntityFrameworkCore;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.Directory;

/// <summary>
/// "Recherchez votre entreprise": by name (accent- and case-insensitive, prefix, typo tolerant), SIREN or SIRET.
/// Names whose start matches come first, from the prefix index; the rest (a word starting with the query, a word
/// containing it, or a close spelling) come from the trigram index, best word similarity first.
/// </summary>
public static class CompanySearch
{
    public const int MinLength = 2;
    public const int MaxLimit = 20;

    public sealed record Hit(string Siren, string Name, string? City, string? ServiceOffer);

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

        var contains = "%" + name + "%";
        var wordStart = "% " + name + "%";
        hits.AddRange(await db.Database.SqlQuery<Hit>($"""
            SELECT c."Siren", c."Name", c."ServiceOffer", (SELECT e."City" FROM establishments e WHERE e."Siren" = c."Siren" ORDER BY e."IsHeadOffice" DESC, e."Siret" LIMIT 1) AS "City"
            FROM companies c
            WHERE (c."SearchName" LIKE {contains} OR {name} <% c."SearchName") AND c."SearchName" NOT LIKE {prefix}
            ORDER BY c."SearchName" LIKE {wordStart} DESC, word_similarity({name}, c."SearchName") DESC, c."Name", c."Siren"
            LIMIT {limit - hits.Count}
            """).ToListAsync(cancellationToken));
        return hits;
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
