using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Features.Users;

/// <summary>An establishment never loses its last active manager by accident.</summary>
public static class ManagerGuard
{
    public static async Task<bool> WouldLoseLastManagerAsync(IdentityDbContext db, string siret, Guid leavingUser, CancellationToken cancellationToken) =>
        !await db.Accesses.AnyAsync(a => a.Siret == siret && a.UserId != leavingUser
                                         && a.Habilitations.Contains(Habilitation.Gestionnaire)
                                         && db.Users.Any(u => u.Id == a.UserId && u.IsActive && u.DeletedAt == null), cancellationToken);
}
