using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.SharedKernel.Search;

namespace Opco.Dossier.Features.TrainingProviders;

/// <summary>
/// "Rechercher un organisme": by number first (a SIRET finds its site, an NDA every site of the provider, the first
/// digits of either while typed), else by name (accent- and case-insensitive, typo tolerant). Names are found tier by
/// tier, each from an index and stopped once the page is full: starting with the query, then a word starting with it,
/// then close spellings ranked word by word.
/// </summary>
public static class TrainingProviderSearch
{
    public const int MinLength = 2;
    public const int MaxLimit = 20;

    public sealed record Hit(Guid Id, string Siret, string Nda, string Name, string Address, string PostalCode, string City,
        bool IsQualiopiCertified, string? MaskedIban);

    private sealed record Candidate(Guid Id, string Siret, string Nda, string Name, string SearchName, string Address, string PostalCode,
        string City, bool IsQualiopiCertified, string? MaskedIban);

    public static async Task<List<Hit>> FindAsync(DossierDbContext db, string? query, int limit, CancellationToken cancellationToken)
    {
        var text = query?.Trim() ?? "";
        if (text.Length < MinLength) return [];
        if (SearchText.Digits(text) is { } digits) return await ByNumberAsync(db, digits, limit, cancellationToken);

        var name = SearchText.Normalize(text);
        if (name.Length < MinLength) return [];
        var providers = db.TrainingProviders.AsNoTracking();
        var prefix = name + "%";
        var hits = await providers.Where(p => EF.Functions.Like(p.SearchName, prefix))
            .OrderBy(p => p.SearchName).ThenBy(p => p.Siret).Take(limit).Select(Project).ToListAsync(cancellationToken);
        // Trigrams need three characters; two only ever match a name's start.
        if (hits.Count >= limit || name.Length < 3) return hits;

        var wordStart = "% " + prefix;
        hits.AddRange(await providers.Where(p => EF.Functions.Like(p.SearchName, wordStart) && !EF.Functions.Like(p.SearchName, prefix))
            .OrderBy(p => p.SearchName).ThenBy(p => p.Siret).Take(limit - hits.Count).Select(Project).ToListAsync(cancellationToken));
        if (hits.Count >= limit) return hits;

        var words = CloseSpellings.Words(name);
        if (words.Count == 0) return hits;
        var parameters = new List<object> { prefix, wordStart };
        var conditions = CloseSpellings.Conditions(words, "p.\"SearchName\"", parameters);
        parameters.Add(CloseSpellings.Candidates);
        var fuzzy = await CloseSpellings.QueryAsync<Candidate>(db, $$"""
            SELECT p."Id", p."Siret", p."Nda", p."Name", p."SearchName", p."Address", p."PostalCode", p."City", p."IsQualiopiCertified", p."MaskedIban"
            FROM training_providers p
            WHERE {{conditions}} AND p."SearchName" NOT LIKE {0} AND p."SearchName" NOT LIKE {1}
            LIMIT {{{parameters.Count - 1}}}
            """, parameters, r => new Candidate(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetBoolean(8), r.IsDBNull(9) ? null : r.GetString(9)), cancellationToken);
        hits.AddRange(fuzzy.OrderByDescending(c => SearchRanking.Score(name, c.SearchName)).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(limit - hits.Count)
            .Select(c => new Hit(c.Id, c.Siret, c.Nda, c.Name, c.Address, c.PostalCode, c.City, c.IsQualiopiCertified, c.MaskedIban)));
        return hits;
    }

    /// <summary>A whole SIRET or NDA first, then the SIRETs and NDAs starting with the digits typed so far.</summary>
    private static async Task<List<Hit>> ByNumberAsync(DossierDbContext db, string digits, int limit, CancellationToken cancellationToken)
    {
        var providers = db.TrainingProviders.AsNoTracking();
        var hits = await providers.Where(p => p.Siret == digits || p.Nda == digits)
            .OrderBy(p => p.Siret).Take(limit).Select(Project).ToListAsync(cancellationToken);
        if (hits.Count >= limit || digits.Length < 3 || digits.Length >= 14) return hits;
        var prefix = digits + "%";
        hits.AddRange(await providers
            .Where(p => (EF.Functions.Like(p.Siret, prefix) || EF.Functions.Like(p.Nda, prefix)) && p.Siret != digits && p.Nda != digits)
            .OrderBy(p => p.Siret).Take(limit - hits.Count).Select(Project).ToListAsync(cancellationToken));
        return hits;
    }

    private static readonly System.Linq.Expressions.Expression<Func<TrainingProvider, Hit>> Project = p =>
        new Hit(p.Id, p.Siret, p.Nda, p.Name, p.Address, p.PostalCode, p.City, p.IsQualiopiCertified, p.MaskedIban);
}
