using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Opco.Api.Lists;

/// <summary>A checked list query: the sort, direction and page to read.</summary>
public sealed class ListRequest<T>(string sort, string direction, int page, int pageSize, Func<IQueryable<T>, IOrderedQueryable<T>> order)
{
    public string Sort => sort;
    public string Direction => direction;
    public int Page => page;
    public int PageSize => pageSize;

    /// <summary>The rows in the requested order, ties broken the list's way so that a row is on one page only.</summary>
    public IOrderedQueryable<T> Order(IQueryable<T> rows) => order(rows);

    /// <summary>
    /// Counts the rows, then reads the requested page in the requested order, projected to what the list shows, both in
    /// the database.
    /// </summary>
    public Task<ListPage<TItem>> ToPageAsync<TItem>(IQueryable<T> rows, Expression<Func<T, TItem>> projection,
        CancellationToken cancellationToken) =>
        ToPageAsync(rows, projection, null, cancellationToken);

    /// <summary>As the overload without <paramref name="knownTotal"/>, which when given is the total (kept by the
    /// database as rows change, say) instead of a count of the rows.</summary>
    public async Task<ListPage<TItem>> ToPageAsync<TItem>(IQueryable<T> rows, Expression<Func<T, TItem>> projection, int? knownTotal,
        CancellationToken cancellationToken)
    {
        var total = knownTotal ?? await rows.CountAsync(cancellationToken);
        var items = await order(rows).Skip((page - 1) * pageSize).Take(pageSize).Select(projection).ToListAsync(cancellationToken);
        return new ListPage<TItem>(items, total, page, pageSize, sort, direction);
    }
}
