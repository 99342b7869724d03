using Opco.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Notification.Data;
using Opco.Notification.Domain;

namespace Opco.Notification.Features.Notifications;

/// <summary>"Mes notifications": the user's notifications, newest first, a page at a time.</summary>
public static class List
{
    // Ids are version 7 (time-ordered), so they break ties between notifications created in the same instant.
    private static readonly ListSorts<PortalNotification> Sorts =
        new ListSorts<PortalNotification>("createdAt", ListSorts<PortalNotification>.Descending, rows => rows.ThenByDescending(n => n.Id))
            .Column("createdAt", n => n.CreatedAt);

    public static RouteGroupBuilder MapListNotifications(this RouteGroupBuilder me)
    {
        me.MapGet("/notifications", HandleAsync)
            .WithName("ListNotifications")
            .WithSummary("The caller's notifications, newest first, paged.");
        return me;
    }

    public static async Task<Results<Ok<ListPage<NotificationView>>, ValidationProblem, UnauthorizedHttpResult>> HandleAsync(
        [AsParameters] ListQuery list, HttpContext context, NotificationDbContext db, CancellationToken cancellationToken, bool unreadOnly = false)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;

        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null));
        return TypedResults.Ok((await request.ToPageAsync(mine, n => n, cancellationToken)).Map(NotificationView.Of));
    }
}
