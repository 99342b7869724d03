using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Messaging.Outbox;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Features.Users;

/// <summary>
/// "Supprimer un utilisateur": personal data is erased and the login made unusable; the row and the audit trail stay
/// so the history still says who did what. Only a manager of every establishment the user has access to may do it.
/// </summary>
public static class DeleteUser
{
    public static RouteGroupBuilder MapDeleteUser(this RouteGroupBuilder users)
    {
        users.MapDelete("/{id:guid}", HandleAsync)
            .WithName("DeleteUser")
            .WithSummary("Deletes a user and erases their personal data.");
        return users;
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult, UnauthorizedHttpResult>> HandleAsync(
        Guid id, HttpContext context, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        return await ManagerGuard.SerializedAsync<Results<NoContent, NotFound, ProblemHttpResult, UnauthorizedHttpResult>>(db, async lockEstablishments =>
        {
            var user = await db.Users.Include(u => u.Accesses).SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, cancellationToken);
            if (user is null || !user.Accesses.Any(a => caller.Manages(a.Siret))) return TypedResults.NotFound();
            if (user.Id == caller.Account.Id || user.Accesses.Any(a => !caller.Manages(a.Siret))) return UserProblems.NotManager();
            await lockEstablishments(user.Accesses.Select(a => a.Siret));
            foreach (var managed in user.Accesses.Where(a => a.Habilitations.Contains(Habilitation.Gestionnaire)))
                if (await ManagerGuard.WouldLoseLastManagerAsync(db, managed.Siret, user.Id, cancellationToken))
                    return UserProblems.LastManager();

            var now = time.GetUtcNow();
            // One entry per establishment, so each of its managers keeps seeing the history of the deleted user.
            foreach (var access in user.Accesses)
                AuditTrail.Record(db, caller, user.Id, "UserDeleted", access.Siret, UserSnapshot.Of(user), null, now);
            Erase(user, now);
            // Other services drop the user's rights from their copies on this one event.
            db.PublishOnCommit(new UserDeleted(user.Id, caller.Account.Id, now), user.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.NoContent();
        }, cancellationToken);
    }

    private static void Erase(Domain.UserAccount user, DateTimeOffset now)
    {
        var placeholder = $"supprime-{user.Id:N}@invalid";
        user.Accesses.Clear();
        (user.FirstName, user.LastName, user.Function, user.PhoneNumber) = ("", "Utilisateur supprimé", null, null);
        (user.Email, user.UserName) = (placeholder, placeholder);
        (user.NormalizedEmail, user.NormalizedUserName) = (placeholder.ToUpperInvariant(), placeholder.ToUpperInvariant());
        user.PasswordHash = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.IsActive = false;
        user.PreferredSiret = null;
        user.DeletedAt = now;
    }
}
