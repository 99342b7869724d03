using System.Text.Json;
using Opco.Identity.Data;
using Opco.Identity.Domain;

namespace Opco.Identity.Features.Users;

/// <summary>Writes who changed what on a user, with the state before and after, in the change's own transaction.</summary>
public static class AuditTrail
{
    public static void Record(IdentityDbContext db, Caller actor, Guid target, string action, string? siret, object? before, object? after,
        DateTimeOffset at) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(at),
            At = at,
            ActorId = actor.Account.Id,
            ActorName = actor.Account.DisplayName,
            TargetUserId = target,
            Siret = siret,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        });
}
