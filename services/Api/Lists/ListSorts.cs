using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Opco.Api.Lists;

/// <summary>
/// A list's rules as data: the columns it sorts on, its default sort and direction, and the tie-breaker that keeps a row
/// on one page only whatever the sort. <see cref="TryRead"/> checks a <see cref="ListQuery"/> against them.
/// </summary>
/// <param name="tieBreaker">Given whether the sort is descending: a tie-breaker in the sort's direction lets one index
/// (column, tie-breaker), read forwards or backwards, deliver a page in order without sorting.</param>
public sealed class ListSorts<T>(string defaultSort, string defaultDirection, Func<IOrderedQueryable<T>, bool, IOrderedQueryable<T>> tieBreaker)
{
    /// <summary>A tie-breaker that is the same whatever the sort's direction.</summary>
    public ListSorts(string defaultSort, string defaultDirection, Func<IOrderedQueryable<T>, IOrderedQueryable<T>> tieBreaker)
        : this(defaultSort, defaultDirection, (rows, _) => tieBreaker(rows))
    {
    }

    public const string Ascending = "asc";
    public const string Descending = "desc";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _columns = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Columns => _columns.Keys;

    public ListSorts<T> Column<TKey>(string name, Expression<Func<T, TKey>> key) =>
        Column(name, (rows, descending) => descending ? rows.OrderByDescending(key) : rows.OrderBy(key));

    /// <summary>A column whose order takes more than one key (a name, then the first name).</summary>
    public ListSorts<T> Column(string name, Func<IQueryable<T>, bool, IOrderedQueryable<T>> order)
    {
        _columns.Add(name, order);
        return this;
    }

    /// <summary>An unknown sort or direction, a page below 1 or a page size outside 1–100 is a 400 naming its field.</summary>
    public bool TryRead(ListQuery query, [NotNullWhen(true)] out ListRequest<T>? request, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        if (!_columns.ContainsKey(defaultSort)) throw new InvalidOperationException($"The default sort '{defaultSort}' is not a column.");
        var errors = new Dictionary<string, string[]>();
        var sort = string.IsNullOrWhiteSpace(query.Sort) ? defaultSort : query.Sort.Trim();
        if (!_columns.ContainsKey(sort))
            errors["sort"] = [$"Le tri doit porter sur l'une des colonnes : {string.Join(", ", _columns.Keys)}."];
        var direction = string.IsNullOrWhiteSpace(query.Direction) ? defaultDirection : query.Direction.Trim().ToLowerInvariant();
        if (direction is not (Ascending or Descending))
            errors["direction"] = [$"Le sens du tri doit être « {Ascending} » ou « {Descending} »."];
        var pageSize = query.PageSize ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"La taille de page doit être comprise entre 1 et {MaxPageSize}."];
        var page = query.Page ?? 1;
        if (page < 1) errors["page"] = ["La page doit être supérieure ou égale à 1."];
        else if (pageSize is >= 1 and <= MaxPageSize && page > int.MaxValue / pageSize) errors["page"] = ["Cette page n'existe pas."];

        if (errors.Count > 0)
        {
            request = null;
            problem = TypedResults.ValidationProblem(errors, title: "Le tri ou la page demandés ne sont pas valides.");
            return false;
        }
        var descending = direction == Descending;
        request = new ListRequest<T>(sort, direction, page, pageSize, rows => tieBreaker(_columns[sort](rows, descending), descending));
        problem = null;
        return true;
    }
}
