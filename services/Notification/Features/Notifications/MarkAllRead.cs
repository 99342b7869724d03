using Opco.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Notification.Data;

namespace Opco.Notification.Features.Notifications;

public static class MarkAllRead
{
    public static RouteGroupBuilder MapMarkAllRead(this RouteGroupBuilder me)
    {
        me.MapPost("/notifications/read-all", HandleAsync)
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Marks every notification of the caller read.");
        return me;
    }

    /// <summary>One statement: notifications arriving meanwhile stay unread, and none read earlier gets a new time.</summary>
    public static async Task<Results<NoContent, UnauthorizedHttpResult>> HandleAsync(
        HttpContext context, NotificationDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
