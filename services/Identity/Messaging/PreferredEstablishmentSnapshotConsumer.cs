using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Messaging;
using Opco.Messaging.Copies;
using Opco.Messaging.Inbox;

namespace Opco.Identity.Messaging;

/// <summary>Answers a new copy of the preferred establishments with every user's, in pages (deleted users have none).</summary>
public sealed class PreferredEstablishmentSnapshotConsumer(IdentityDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<PreferredEstablishmentSnapshotRequested, IdentityDbContext>(db, metrics)
{
    public const int PageSize = 1000;

    protected override async Task HandleAsync(PreferredEstablishmentSnapshotRequested message,
        ConsumeContext<PreferredEstablishmentSnapshotRequested> context, CancellationToken cancellationToken)
    {
        var stateAsOf = time.GetUtcNow() - Snapshots.CommitMargin;
        var users = await Db.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new UserPreferredEstablishment(u.Id, u.PreferredSiret)).ToListAsync(cancellationToken);
        Snapshots.PublishInPages(Db, users, PageSize,
            (page, number, count) => new PreferredEstablishmentSnapshotTaken(message.Requester, page, number, count, stateAsOf));
    }
}
