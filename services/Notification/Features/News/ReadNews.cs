using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.SharedKernel;

namespace Opco.Notification.Features.News;

/// <summary>An article of « Actualités », its body rendered to safe HTML; 404 when the caller does not see it.</summary>
public static class ReadNews
{
    public static RouteGroupBuilder MapReadNews(this RouteGroupBuilder news)
    {
        news.MapGet("/{id:guid}", HandleAsync)
            .WithName("ReadNews")
            .WithSummary("A published news item the caller sees, with its body as safe HTML.");
        return news;
    }

    public static async Task<Results<Ok<NewsArticle>, NotFound, UnauthorizedHttpResult>> HandleAsync(
        Guid id, HttpContext context, NotificationDbContext db, IEstablishmentRights rights, TimeProvider time,
        CancellationToken cancellationToken, string? siret = null)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var audience = await NewsAudience.ReadAsync(context.User, userId, siret, rights, db, cancellationToken);
        var news = await audience.Published(db.News.AsNoTracking(), time.GetUtcNow()).FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (news is null) return TypedResults.NotFound();
        return TypedResults.Ok(new NewsArticle(news.Id, news.Title, news.Summary, news.PublishedAt!.Value, news.TargetOffer,
            NewsMarkdown.ToHtml(news.Body)));
    }
}
