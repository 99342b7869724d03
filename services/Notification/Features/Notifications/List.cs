using Opco.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Notification.Data;

namespace Opco.Notification.Features.Notifications;

/// <summary>"Mes notifications": the user's notifications, newest first, a page at a time.</summary>
public static class List
{
    public const int MaxPageSize = 100;

    public sealed record Response(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total);

    public static RouteGroupBuilder MapListNotifications(this RouteGroupBuilder me)
    {
        me.MapGet("/notifications", HandleAsync)
            .WithName("ListNotifications")
            .WithSummary("The caller's notifications, newest first, paged.");
        return me;
    }

    public static async Task<Results<Ok<Response>, ValidationProblem, UnauthorizedHttpResult>> HandleAsync(
        HttpContext context, NotificationDbContext db, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20, bool unreadOnly = false)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["page"] = ["La page doit être supérieure ou égale à 1."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"La taille de page doit être comprise entre 1 et {MaxPageSize}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "La demande n'est pas valide.");

        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null));
        var total = await mine.CountAsync(cancellationToken);
        // Ids are version 7 (time-ordered), so they break ties between notifications created in the same instant.
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response([.. items.Select(NotificationView.Of)], page, pageSize, total));
    }
}
