using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Messaging.Outbox;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Features.Users;

/// <summary>"Désactiver / Activer un utilisateur" (absence, forgotten password): refused everywhere at once when inactive.</summary>
public static class ChangeActivation
{
    public static RouteGroupBuilder MapChangeActivation(this RouteGroupBuilder users)
    {
        users.MapPost("/{id:guid}/deactivate", (Guid id, HttpContext context, IdentityDbContext db, TimeProvider time, CancellationToken ct) =>
            HandleAsync(id, false, context, db, time, ct))
            .WithName("DeactivateUser")
            .WithSummary("Deactivates a user: refused by every service at once.");
        users.MapPost("/{id:guid}/reactivate", (Guid id, HttpContext context, IdentityDbContext db, TimeProvider time, CancellationToken ct) =>
            HandleAsync(id, true, context, db, time, ct))
            .WithName("ReactivateUser")
            .WithSummary("Reactivates a user.");
        return users;
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult, UnauthorizedHttpResult>> HandleAsync(
        Guid id, bool active, HttpContext context, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        return await ManagerGuard.SerializedAsync<Results<NoContent, NotFound, ProblemHttpResult, UnauthorizedHttpResult>>(db, async lockEstablishments =>
        {
            var user = await db.Users.Include(u => u.Accesses).SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, cancellationToken);
            // A manager only sees users of the establishments they manage.
            if (user is null || !user.Accesses.Any(a => caller.Manages(a.Siret))) return TypedResults.NotFound();
            // Deactivation holds everywhere, so it needs the caller to manage every establishment of the user.
            if (user.Accesses.Any(a => !caller.Manages(a.Siret))) return UserProblems.NotManager();
            if (user.Id == caller.Account.Id && !active) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Vous ne pouvez pas désactiver votre propre compte.");
            if (user.IsActive == active) return TypedResults.NoContent();
            await lockEstablishments(user.Accesses.Select(a => a.Siret));
            if (!active)
                foreach (var managed in user.Accesses.Where(a => a.Habilitations.Contains(Habilitation.Gestionnaire)))
                    if (await ManagerGuard.WouldLoseLastManagerAsync(db, managed.Siret, user.Id, cancellationToken))
                        return UserProblems.LastManager();

            var now = time.GetUtcNow();
            var before = UserSnapshot.Of(user);
            user.IsActive = active;
            db.PublishOnCommit(new UserActivationChanged(user.Id, active, caller.Account.Id, now), user.Id.ToString());
            AuditTrail.Record(db, caller, user.Id, active ? "UserReactivated" : "UserDeactivated", null, before, UserSnapshot.Of(user), now);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.NoContent();
        }, cancellationToken);
    }
}
