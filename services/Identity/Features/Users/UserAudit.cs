using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;

namespace Opco.Identity.Features.Users;

/// <summary>The audit trail of a user, newest first, for the managers of one of their establishments.</summary>
public static class UserAudit
{
    public sealed record Entry(DateTimeOffset At, string ActorName, string Action, string? Siret, string? Before, string? After);

    public static RouteGroupBuilder MapUserAudit(this RouteGroupBuilder users)
    {
        users.MapGet("/{id:guid}/audit", HandleAsync);
        return users;
    }

    public static async Task<Results<Ok<List<Entry>>, NotFound, UnauthorizedHttpResult>> HandleAsync(
        Guid id, HttpContext context, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        var managed = caller.ManagedSirets.ToList();
        var visible = await db.Users.AnyAsync(u => u.Id == id && u.Accesses.Any(a => managed.Contains(a.Siret)), cancellationToken)
                      || await db.AuditEntries.AnyAsync(a => a.TargetUserId == id && a.Siret != null && managed.Contains(a.Siret), cancellationToken);
        if (!visible) return TypedResults.NotFound();
        return TypedResults.Ok(await db.AuditEntries.Where(a => a.TargetUserId == id).OrderByDescending(a => a.At)
            .Select(a => new Entry(a.At, a.ActorName, a.Action, a.Siret, a.Before, a.After)).ToListAsync(cancellationToken));
    }
}
