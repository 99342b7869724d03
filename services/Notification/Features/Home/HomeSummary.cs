using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Notification.Data;
using Opco.Notification.Features.News;
using Opco.Notification.Features.Notifications;
using Opco.SharedKernel;

namespace Opco.Notification.Features.Home;

/// <summary>The home page's notification side in one call: unread count, latest notifications, latest three news.</summary>
public static class HomeSummary
{
    public const int LatestNotifications = 5;
    public const int LatestNews = 3;

    public sealed record Response(int Unread, IReadOnlyList<NotificationView> Latest, IReadOnlyList<NewsSummary> News);

    public static RouteGroupBuilder MapHomeSummary(this RouteGroupBuilder me)
    {
        me.MapGet("/home", HandleAsync)
            .WithName("NotificationHomeSummary")
            .WithSummary("The caller's unread count, latest notifications and latest news (by the offer of {siret}'s company, if held).");
        return me;
    }

    public static async Task<Results<Ok<Response>, UnauthorizedHttpResult>> HandleAsync(
        HttpContext context, NotificationDbContext db, IEstablishmentRights rights, TimeProvider time, CancellationToken cancellationToken,
        string? siret = null)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var latest = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(LatestNotifications).ToListAsync(cancellationToken);
        var audience = await NewsAudience.ReadAsync(context.User, userId, siret, rights, db, cancellationToken);
        var news = await audience.Published(db.News.AsNoTracking(), time.GetUtcNow())
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Take(LatestNews)
            .Select(n => new NewsSummary(n.Id, n.Title, n.Summary, n.PublishedAt!.Value, n.TargetOffer))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response(unread, [.. latest.Select(NotificationView.Of)], news));
    }
}
