using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Features.Users;

/// <summary>An establishment never loses its last active manager by accident.</summary>
public static class ManagerGuard
{
    /// <summary>
    /// Runs a change that may remove a manager in one transaction holding a lock per establishment, so two managers
    /// removing each other at the same moment cannot both pass the last-manager check.
    /// </summary>
    public static Task<T> SerializedAsync<T>(IdentityDbContext db, Func<Func<IEnumerable<string>, Task>, Task<T>> change,
        CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await change(async sirets =>
            {
                foreach (var siret in sirets.Distinct().Order(StringComparer.Ordinal))
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"establishment:" + siret}))", cancellationToken);
            });
            await transaction.CommitAsync(cancellationToken);
            return result;
        });

    public static async Task<bool> WouldLoseLastManagerAsync(IdentityDbContext db, string siret, Guid leavingUser, CancellationToken cancellationToken) =>
        !await db.Accesses.AnyAsync(a => a.Siret == siret && a.UserId != leavingUser
                                         && a.Habilitations.Contains(Habilitation.Gestionnaire)
                                         && db.Users.Any(u => u.Id == a.UserId && u.IsActive && u.DeletedAt == null), cancellationToken);
}
