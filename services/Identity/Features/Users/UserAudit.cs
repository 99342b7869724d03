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
        users.MapGet("/{id:guid}/audit", HandleAsync)
            .WithName("UserAudit")
            .WithSummary("A user's history on the establishments the caller manages.");
        return users;
    }

    public static async Task<Results<Ok<List<Entry>>, NotFound, UnauthorizedHttpResult>> HandleAsync(
        Guid id, HttpContext context, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        var managed = caller.ManagedSirets.ToList();
        var attached = await db.Users.AnyAsync(u => u.Id == id && u.Accesses.Any(a => managed.Contains(a.Siret)), cancellationToken);
        // Entries of the caller's establishments; entries about the person as a whole only while still attached to one.
        var entries = await db.AuditEntries
            .Where(a => a.TargetUserId == id && ((a.Siret != null && managed.Contains(a.Siret)) || (a.Siret == null && attached)))
            .OrderByDescending(a => a.At)
            .Select(a => new Entry(a.At, a.ActorName, a.Action, a.Siret, a.Before, a.After))
            .ToListAsync(cancellationToken);
        if (entries.Count == 0 && !attached) return TypedResults.NotFound();
        return TypedResults.Ok(entries.Select(e => e with
        {
            Before = AuditSnapshots.Scoped(e.Before, caller.ManagedSirets),
            After = AuditSnapshots.Scoped(e.After, caller.ManagedSirets),
        }).ToList());
    }
}
