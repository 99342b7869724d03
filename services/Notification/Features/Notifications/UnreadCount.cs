using Opco.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Notification.Data;

namespace Opco.Notification.Features.Notifications;

/// <summary>The badge next to "Mes notifications".</summary>
public static class UnreadCount
{
    public sealed record Response(int Unread);

    public static RouteGroupBuilder MapUnreadCount(this RouteGroupBuilder me)
    {
        me.MapGet("/unread-count", HandleAsync)
            .WithName("UnreadNotificationCount")
            .WithSummary("How many of the caller's notifications are unread (the bell).");
        return me;
    }

    public static async Task<Results<Ok<Response>, UnauthorizedHttpResult>> HandleAsync(
        HttpContext context, NotificationDbContext db, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
        return TypedResults.Ok(new Response(unread));
    }
}
