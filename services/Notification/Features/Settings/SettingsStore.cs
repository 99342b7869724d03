using Microsoft.EntityFrameworkCore;
using Opco.Notification.Data;
using Opco.Notification.Domain;

namespace Opco.Notification.Features.Settings;

/// <summary>A user's setting for every kind: the stored ones, the default for the rest.</summary>
public static class SettingsStore
{
    public static async Task<IReadOnlyList<NotificationSetting>> AllKindsAsync(
        NotificationDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var stored = await db.NotificationSettings.Where(s => s.UserId == userId).ToDictionaryAsync(s => s.Kind, cancellationToken);
        return [.. Enum.GetValues<NotificationKind>().Select(kind => stored.GetValueOrDefault(kind) ?? NotificationSetting.Default(userId, kind))];
    }

    /// <summary>Of these users, those who keep in-portal notifications of this kind (the default).</summary>
    public static async Task<IReadOnlyList<Guid>> WantingInPortalAsync(
        NotificationDbContext db, IReadOnlyCollection<Guid> users, NotificationKind kind, CancellationToken cancellationToken)
    {
        var declined = await db.NotificationSettings
            .Where(s => s.Kind == kind && !s.InPortal && users.Contains(s.UserId))
            .Select(s => s.UserId)
            .ToListAsync(cancellationToken);
        return [.. users.Except(declined)];
    }
}
