using Opco.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Notification.Data;

namespace Opco.Notification.Features.Notifications;

public static class MarkRead
{
    public static RouteGroupBuilder MapMarkRead(this RouteGroupBuilder me)
    {
        me.MapPost("/notifications/{id:guid}/read", HandleAsync)
            .WithName("MarkNotificationRead")
            .WithSummary("Marks one of the caller's notifications read.");
        return me;
    }

    /// <summary>Someone else's notification answers 404 like a missing one, so ids cannot be probed.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult, UnauthorizedHttpResult>> HandleAsync(
        Guid id, HttpContext context, NotificationDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null) return TypedResults.Problem(title: "Notification introuvable.", statusCode: StatusCodes.Status404NotFound);
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
