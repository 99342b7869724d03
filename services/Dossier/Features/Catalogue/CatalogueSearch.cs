using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Authorization.Establishments;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Catalogue;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;
using Opco.SharedKernel.Search;

namespace Opco.Dossier.Features.Catalogue;

/// <summary>
/// « Catalogue Sélection DEFi Formations »: the published offers with a session to come, found by words of their title,
/// theme or provider (accent- and case-insensitive, typo tolerant), by theme, by the region of a session and by the
/// period a session starts in; paged. With words, the closest first (SearchRanking); otherwise the soonest session first.
/// </summary>
public static class CatalogueSearch
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;
    /// <summary>Close spellings are taken up to this many, then ranked and filtered: bounded work however common the words.</summary>
    private const int Candidates = 1000;
    private const int SessionsShown = 3;

    public sealed record Row(Guid Id, string Title, string Theme, string ProviderName, decimal Hours, string Modality, string ModalityLabel,
        decimal Price, decimal CoveredAmount, IReadOnlyList<SessionView> NextSessions);

    public sealed record Page(IReadOnlyList<Row> Items, int Total, int PageNumber, int PageSize);

    /// <summary>The themes of the published offers and the regions, for the search form.</summary>
    public sealed record Choices(IReadOnlyList<string> Themes, IReadOnlyList<string> Regions);

    public static RouteGroupBuilder MapCatalogueSearch(this RouteGroupBuilder catalogue)
    {
        catalogue.MapGet("/offers", SearchAsync).WithName("SearchCatalogue")
            .WithSummary("Published offers with a session to come, by words (typos tolerated), theme, region and period; paged.");
        catalogue.MapGet("/choices", ChoicesAsync).WithName("CatalogueChoices").WithSummary("Themes and regions of the search form.");
        return catalogue;
    }

    public static async Task<Results<Ok<Page>, ValidationProblem, ForbidHttpResult>> SearchAsync(HttpContext http, IEstablishmentRights rights,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken, string? q = null, string? theme = null, string? region = null,
        DateOnly? from = null, DateOnly? to = null, int? page = null, int? pageSize = null)
    {
        if (!await CatalogueAccess.MayReadAsync(http, rights, cancellationToken)) return TypedResults.Forbid();
        var errors = new FieldErrors();
        string? regionName = null;
        if (!string.IsNullOrWhiteSpace(region) && (regionName = CatalogueRegions.Find(region)) is null) errors.Add("region", "Cette région n'existe pas.");
        if (from is { } start && to is { } end && end < start) errors.Add("to", "La fin de la période ne peut pas précéder son début.");
        if (page is < 1) errors.Add("page", "La page commence à 1.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"Le nombre de résultats par page est compris entre 1 et {MaxPageSize}.");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Recherche impossible : vérifiez les critères signalés.");
        var filter = new Filter(q, string.IsNullOrWhiteSpace(theme) ? null : theme.Trim(), regionName, from, to);
        return TypedResults.Ok(await FindAsync(db, filter, ParisCalendar.Today(time), page ?? 1, pageSize ?? DefaultPageSize, cancellationToken));
    }

    public static async Task<Results<Ok<Choices>, ForbidHttpResult>> ChoicesAsync(HttpContext http, IEstablishmentRights rights, DossierDbContext db,
        CancellationToken cancellationToken)
    {
        if (!await CatalogueAccess.MayReadAsync(http, rights, cancellationToken)) return TypedResults.Forbid();
        var themes = await db.CatalogueOffers.AsNoTracking().Where(o => o.IsPublished).Select(o => o.Theme).Distinct().ToListAsync(cancellationToken);
        return TypedResults.Ok(new Choices([.. themes.Order(StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), true))], CatalogueRegions.All));
    }

    public sealed record Filter(string? Words, string? Theme, string? Region, DateOnly? From, DateOnly? To);

    public static async Task<Page> FindAsync(DossierDbContext db, Filter filter, DateOnly today, int page, int pageSize, CancellationToken cancellationToken)
    {
        // The sessions that count: to come, in the region and the period asked for.
        var sessions = db.CatalogueSessions.AsNoTracking().Where(s => s.StartDate > today);
        if (filter.Region is { } region) sessions = sessions.Where(s => s.Region == region);
        if (filter.From is { } from) sessions = sessions.Where(s => s.StartDate >= from);
        if (filter.To is { } to) sessions = sessions.Where(s => s.StartDate <= to);
        var offers = db.CatalogueOffers.AsNoTracking().Where(o => o.IsPublished && sessions.Any(s => s.OfferId == o.Id));
        if (filter.Theme is { } theme) offers = offers.Where(o => o.Theme == theme);

        var text = SearchText.Normalize(filter.Words);
        List<Guid> ordered;
        if (text.Length == 0)
        {
            var total = await offers.CountAsync(cancellationToken);
            ordered = await offers.OrderBy(o => sessions.Where(s => s.OfferId == o.Id).Min(s => s.StartDate)).ThenBy(o => o.Title).ThenBy(o => o.Id)
                .Skip((page - 1) * pageSize).Take(pageSize).Select(o => o.Id).ToListAsync(cancellationToken);
            return new Page(await RowsAsync(db, ordered, sessions, cancellationToken), total, page, pageSize);
        }

        var scores = await TextMatchesAsync(db, text, cancellationToken);
        var ids = scores.Keys.ToList();
        var matching = await offers.Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Title, Next = sessions.Where(s => s.OfferId == o.Id).Min(s => s.StartDate) }).ToListAsync(cancellationToken);
        ordered = [.. matching.OrderByDescending(m => scores[m.Id]).ThenBy(m => m.Next).ThenBy(m => m.Title, StringComparer.Ordinal)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(m => m.Id)];
        return new Page(await RowsAsync(db, ordered, sessions, cancellationToken), matching.Count, page, pageSize);
    }

    /// <summary>Published offers whose words are close to the query's, each with how close (1: every word starts one of theirs).</summary>
    private static async Task<Dictionary<Guid, double>> TextMatchesAsync(DossierDbContext db, string text, CancellationToken cancellationToken)
    {
        var words = CloseSpellings.Words(text);
        List<(Guid Id, string SearchText)> candidates;
        if (words.Count == 0)
        {
            // Words of one or two letters: only where they appear as typed (trigrams need three).
            var pattern = "%" + text + "%";
            candidates = [.. (await db.CatalogueOffers.AsNoTracking().Where(o => o.IsPublished && EF.Functions.Like(o.SearchText, pattern))
                .Select(o => new { o.Id, o.SearchText }).Take(Candidates).ToListAsync(cancellationToken)).Select(o => (o.Id, o.SearchText))];
        }
        else
        {
            var parameters = new List<object>();
            var conditions = CloseSpellings.Conditions(words, "o.\"SearchText\"", parameters);
            parameters.Add(Candidates);
            candidates = await CloseSpellings.QueryAsync(db, $$"""
                SELECT o."Id", o."SearchText" FROM catalogue_offers o
                WHERE {{conditions}} AND o."IsPublished"
                LIMIT {{{parameters.Count - 1}}}
                """, parameters, r => (r.GetGuid(0), r.GetString(1)), cancellationToken);
        }
        return candidates.ToDictionary(c => c.Id, c => SearchRanking.Score(text, c.SearchText));
    }

    private static async Task<List<Row>> RowsAsync(DossierDbContext db, List<Guid> ids, IQueryable<CatalogueSession> sessions,
        CancellationToken cancellationToken)
    {
        var offers = await db.CatalogueOffers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var next = (await sessions.Where(s => ids.Contains(s.OfferId)).OrderBy(s => s.StartDate).ToListAsync(cancellationToken))
            .GroupBy(s => s.OfferId).ToDictionary(g => g.Key, g => g.Take(SessionsShown)
                .Select(s => new SessionView(s.Id, s.StartDate, s.EndDate, s.Place, s.Region, s.SeatsLeft)).ToList());
        return [.. ids.Select(id => offers[id]).Select(o => new Row(o.Id, o.Title, o.Theme, o.ProviderName, o.Hours, o.Modality.ToString(),
            DossierLabels.Of(o.Modality), o.Price, o.CoveredAmount, next.GetValueOrDefault(o.Id) ?? []))];
    }
}
