using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Opco.SharedKernel;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Features.Users;

/// <summary>The signed-in user calling the API, with the establishments where they may manage users.</summary>
public sealed record Caller(UserAccount Account, IReadOnlySet<string> ManagedSirets)
{
    public bool Manages(string siret) => ManagedSirets.Contains(siret);

    public bool IsGestionnaireOf(string siret) =>
        Account.Accesses.Any(a => a.Siret == siret && a.Habilitations.Contains(Habilitation.Gestionnaire));

    /// <summary>Gives or takes <paramref name="changed"/> on an establishment: the caller manages it, and <see cref="GrantingRule"/>.</summary>
    public bool MayGrant(string siret, IEnumerable<Habilitation> changed) => Manages(siret) && GrantingRule.Allows(IsGestionnaireOf(siret), changed);

    public static async Task<Caller?> LoadAsync(ClaimsPrincipal principal, IdentityDbContext db, CancellationToken cancellationToken)
    {
        if (principal.UserId() is not { } id) return null;
        var account = await db.Users.Include(u => u.Accesses)
            .SingleOrDefaultAsync(u => u.Id == id && u.IsActive && u.DeletedAt == null, cancellationToken);
        return account is null
            ? null
            : new Caller(account, account.Accesses.Where(a => a.CanManageUsers).Select(a => a.Siret).ToHashSet());
    }
}
