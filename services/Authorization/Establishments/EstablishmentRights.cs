using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.SharedKernel.Habilitations;

namespace Opco.Authorization.Establishments;

/// <summary>
/// Reads the copy on every request, never caching: a deactivation must be refused within a second, and each read
/// is a primary-key lookup.
/// </summary>
public sealed class EstablishmentRights<TContext>(TContext db) : IEstablishmentRights where TContext : DbContext
{
    public async Task<UserRights> ReadAsync(Guid userId, string siret, CancellationToken cancellationToken)
    {
        var isActive = await db.Set<UserStatus>().AsNoTracking()
            .Where(s => s.UserId == userId).Select(s => (bool?)s.IsActive).SingleOrDefaultAsync(cancellationToken) ?? true;
        var key = SiretKey.Of(siret);
        var names = await db.Set<UserEstablishmentHabilitations>().AsNoTracking()
            .Where(r => r.UserId == userId && r.Siret == key).Select(r => r.Habilitations).SingleOrDefaultAsync(cancellationToken) ?? [];
        var held = HabilitationNames.Parse(names).ToHashSet();
        return new UserRights(isActive, held);
    }

    public async Task<IReadOnlyList<string>> EstablishmentsAllowingAsync(Guid userId, Functionality functionality, CancellationToken cancellationToken)
    {
        var isActive = await db.Set<UserStatus>().AsNoTracking()
            .Where(s => s.UserId == userId).Select(s => (bool?)s.IsActive).SingleOrDefaultAsync(cancellationToken) ?? true;
        if (!isActive) return [];
        var rows = await db.Set<UserEstablishmentHabilitations>().AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new { r.Siret, r.Habilitations }).ToListAsync(cancellationToken);
        return [.. rows.Where(r => HabilitationMatrix.Allows(HabilitationNames.Parse(r.Habilitations).ToHashSet(), functionality)).Select(r => r.Siret)];
    }
}
