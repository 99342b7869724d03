namespace Opco.Api.Lists;

/// <summary>
/// What every list endpoint reads from its query string, bound with <c>[AsParameters]</c>: <c>sort</c> (a column the
/// list names), <c>direction</c> (<c>asc</c> or <c>desc</c>), <c>page</c> (from 1) and <c>pageSize</c> (1 to 100).
/// </summary>
public sealed record ListQuery(string? Sort = null, string? Direction = null, int? Page = null, int? PageSize = null);
