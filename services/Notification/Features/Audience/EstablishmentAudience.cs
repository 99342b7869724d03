using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Notification.Data;
using Opco.SharedKernel.Habilitations;

namespace Opco.Notification.Features.Audience;

/// <summary>
/// Who hears of an establishment's event: the active users whose habilitations there allow the functionality the
/// event is about (any habilitation when none is named), from the local copy of identity's events.
/// </summary>
public static class EstablishmentAudience
{
    public static Task<IReadOnlyList<Guid>> UsersAsync(NotificationDbContext db, string siret, Functionality? functionality,
        CancellationToken cancellationToken)
    {
        var key = SiretKey.Of(siret);
        return HoldersAsync(db, h => h.Siret == key, functionality, cancellationToken);
    }

    /// <summary>As <see cref="UsersAsync"/>, on any establishment of the company: its money is the company's (SIREN).</summary>
    public static Task<IReadOnlyList<Guid>> CompanyUsersAsync(NotificationDbContext db, string siren, Functionality functionality,
        CancellationToken cancellationToken)
    {
        var prefix = SiretKey.Of(siren);
        return HoldersAsync(db, h => h.Siret.StartsWith(prefix), functionality, cancellationToken);
    }

    private static async Task<IReadOnlyList<Guid>> HoldersAsync(NotificationDbContext db,
        System.Linq.Expressions.Expression<Func<UserEstablishmentHabilitations, bool>> where, Functionality? functionality,
        CancellationToken cancellationToken)
    {
        var holders = await db.Set<UserEstablishmentHabilitations>()
            .Where(where).Where(h => h.Habilitations.Length > 0)
            .Where(h => !db.Set<UserStatus>().Any(s => s.UserId == h.UserId && !s.IsActive))
            .Select(h => new { h.UserId, h.Habilitations })
            .ToListAsync(cancellationToken);
        return [.. holders
            .Where(h => functionality is not { } f || HabilitationMatrix.Allows(HabilitationNames.Parse(h.Habilitations), f))
            .Select(h => h.UserId).Distinct()];
    }
}
