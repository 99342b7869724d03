using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Authorization.Establishments;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.SharedKernel;

namespace Opco.Notification.Features.News;

/// <summary>« Actualités »: the published news the caller sees, newest first, a page at a time.</summary>
public static class ListNews
{
    // Ids are version 7 (time-ordered): they break ties between news published in the same instant.
    internal static readonly ListSorts<NewsItem> Sorts =
        new ListSorts<NewsItem>("publishedAt", ListSorts<NewsItem>.Descending, rows => rows.ThenByDescending(n => n.Id))
            .Column("publishedAt", n => n.PublishedAt);

    public static RouteGroupBuilder MapListNews(this RouteGroupBuilder news)
    {
        news.MapGet("/", HandleAsync)
            .WithName("ListNews")
            .WithSummary("Published news for the caller (targeted ones by the offer of the company of {siret}, if held), newest first, paged.");
        return news;
    }

    public static async Task<Results<Ok<ListPage<NewsSummary>>, ValidationProblem, UnauthorizedHttpResult>> HandleAsync(
        [AsParameters] ListQuery list, HttpContext context, NotificationDbContext db, IEstablishmentRights rights, TimeProvider time,
        CancellationToken cancellationToken, string? siret = null)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        var audience = await NewsAudience.ReadAsync(context.User, userId, siret, rights, db, cancellationToken);
        var visible = audience.Published(db.News.AsNoTracking(), time.GetUtcNow());
        return TypedResults.Ok(await request.ToPageAsync(visible,
            n => new NewsSummary(n.Id, n.Title, n.Summary, n.PublishedAt!.Value, n.TargetOffer), cancellationToken));
    }
}
