using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Dossier.Data;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Dossier.Messaging;

/// <summary>Upserts of the preferred establishments' copy; each keeps a row only when it is newer than the one stored.</summary>
internal static class PreferredEstablishmentCopy
{
    public const string Name = "preferred-establishments";

    public static Task UpsertAsync(DossierDbContext db, IReadOnlyList<UserPreferredEstablishment> users, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        Guid[] ids = [.. users.Select(u => u.UserId)];
        string?[] sirets = [.. users.Select(u => u.Siret)];
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO preferred_establishments (user_id, siret, updated_at)
            SELECT u, s, {at.ToUniversalTime()} FROM unnest({ids}, {sirets}) AS t(u, s)
            ON CONFLICT (user_id) DO UPDATE SET siret = excluded.siret, updated_at = excluded.updated_at
            WHERE preferred_establishments.updated_at < excluded.updated_at
            """, cancellationToken);
    }
}

public sealed class PreferredEstablishmentChangedCopyConsumer(DossierDbContext db, MessagingMetrics metrics)
    : InboxConsumer<PreferredEstablishmentChanged, DossierDbContext>(db, metrics)
{
    protected override Task HandleAsync(PreferredEstablishmentChanged m, ConsumeContext<PreferredEstablishmentChanged> context,
        CancellationToken cancellationToken) =>
        PreferredEstablishmentCopy.UpsertAsync(Db, [new UserPreferredEstablishment(m.UserId, m.Siret)], m.ChangedAt, cancellationToken);
}

public sealed class PreferredEstablishmentSnapshotCopyConsumer(DossierDbContext db, MessagingMetrics metrics)
    : InboxConsumer<PreferredEstablishmentSnapshotTaken, DossierDbContext>(db, metrics)
{
    protected override Task HandleAsync(PreferredEstablishmentSnapshotTaken m, ConsumeContext<PreferredEstablishmentSnapshotTaken> context,
        CancellationToken cancellationToken) =>
        PreferredEstablishmentCopy.UpsertAsync(Db, m.Users, m.StateAsOf, cancellationToken);
}
