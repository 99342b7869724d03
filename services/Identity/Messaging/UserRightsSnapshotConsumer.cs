using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Messaging;
using Opco.Messaging.Copies;
using Opco.Messaging.Inbox;

namespace Opco.Identity.Messaging;

/// <summary>Answers a new copy of users' rights with every user's, in pages.</summary>
public sealed class UserRightsSnapshotConsumer(IdentityDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<UserRightsSnapshotRequested, IdentityDbContext>(db, metrics)
{
    public const int PageSize = 500;

    protected override async Task HandleAsync(UserRightsSnapshotRequested message, ConsumeContext<UserRightsSnapshotRequested> context,
        CancellationToken cancellationToken)
    {
        var stateAsOf = time.GetUtcNow() - Snapshots.CommitMargin;
        var users = await Db.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.IsActive, Deleted = u.DeletedAt != null }).ToListAsync(cancellationToken);
        var accesses = (await Db.Accesses.AsNoTracking().Select(a => new { a.UserId, a.Siret, a.Habilitations }).ToListAsync(cancellationToken))
            .ToLookup(a => a.UserId);
        var states = users.Select(u => new UserRightsState(u.Id, u.IsActive && !u.Deleted,
            u.Deleted ? [] : [.. accesses[u.Id].Select(a => new EstablishmentHabilitations(a.Siret, [.. a.Habilitations.Select(h => h.ToString())]))]));
        Snapshots.PublishInPages(Db, [.. states], PageSize, (page, number, count) => new UserRightsSnapshotTaken(message.Requester, page, number, count, stateAsOf));
    }
}
