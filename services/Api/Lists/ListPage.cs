namespace Opco.Api.Lists;

/// <summary>Every list's answer: one page of items, the total matching the filters, and the sort it was read in.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, string Sort, string Direction)
{
    /// <summary>The same page with each item turned into what the client reads (labels computed in .NET, say).</summary>
    public ListPage<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, Page, PageSize, Sort, Direction);
}
