using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.SharedKernel.Habilitations;

namespace Opco.Authorization.Establishments;

/// <summary>
/// Reads the copy on every request, never caching: a deactivation must be refused within a second, and each read
/// is two primary-key lookups in one statement.
/// </summary>
public sealed class EstablishmentRights<TContext>(TContext db) : IEstablishmentRights where TContext : DbContext
{
    public async Task<UserRights> ReadAsync(Guid userId, string siret, CancellationToken cancellationToken)
    {
        var key = SiretKey.Of(siret);
        // One round trip for both: this runs before every request on an establishment.
        var row = await db.Database.SqlQuery<RightsRow>($"""
            SELECT (SELECT s.is_active FROM user_status s WHERE s.user_id = {userId}) AS "IsActive",
                   (SELECT r.habilitations FROM user_habilitations r WHERE r.user_id = {userId} AND r.siret = {key}) AS "Habilitations"
            """).SingleAsync(cancellationToken);
        return new UserRights(row.IsActive ?? true, HabilitationNames.Parse(row.Habilitations ?? []).ToHashSet());
    }

    private sealed record RightsRow(bool? IsActive, string[]? Habilitations);

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
