using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Contracts.Onboarding;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Users;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Messaging.Outbox;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Messaging;

/// <summary>
/// ✓ on a "Rattachement" request: the existing account with that e-mail is attached to the establishment, on behalf of
/// the approver, who must still be allowed to (a manager there, and a Gestionnaire to grant Gestionnaire; or an
/// advisor). Already attached, it gains the approved habilitations. Then the usual events: rights copies, and the
/// "account attached" e-mail.
/// </summary>
public sealed class AccountAttachmentApprovedConsumer(IdentityDbContext db, MessagingMetrics metrics, ILogger<AccountAttachmentApprovedConsumer> logger)
    : InboxConsumer<AccountAttachmentApproved, IdentityDbContext>(db, metrics)
{
    protected override async Task HandleAsync(AccountAttachmentApproved message, ConsumeContext<AccountAttachmentApproved> context,
        CancellationToken cancellationToken)
    {
        var approverAccount = await Db.Users.Include(u => u.Accesses)
            .SingleOrDefaultAsync(u => u.Id == message.ApprovedBy && u.IsActive && u.DeletedAt == null, cancellationToken);
        var user = await Db.Users.Include(u => u.Accesses)
            .SingleOrDefaultAsync(u => u.NormalizedEmail == message.Email.ToUpperInvariant() && u.DeletedAt == null, cancellationToken);
        var habilitations = HabilitationNames.Parse(message.Habilitations).ToList();
        if (approverAccount is null || user is null || user.StaffRole != StaffRole.None || habilitations.Count == 0)
        {
            logger.LogWarning("Attachment approved by request {RequestId} not applied: approver, account or habilitations no longer valid",
                message.AccountRequestId);
            return;
        }
        var approver = new Caller(approverAccount, approverAccount.Accesses.Where(a => a.CanManageUsers).Select(a => a.Siret).ToHashSet());
        var isAdvisor = approverAccount.StaffRole == StaffRole.Advisor;
        if (!isAdvisor && (!approver.Manages(message.Siret)
                           || (habilitations.Contains(Habilitation.Gestionnaire) && !approver.IsGestionnaireOf(message.Siret))))
        {
            logger.LogWarning("Attachment approved by request {RequestId} not applied: the approver does not manage the establishment",
                message.AccountRequestId);
            return;
        }

        var before = UserSnapshot.Of(user);
        var access = user.Accesses.SingleOrDefault(a => a.Siret == message.Siret);
        var previous = access?.Habilitations.ToList() ?? [];
        var granted = previous.Union(habilitations).Distinct().Order().ToList();
        if (access is null)
            user.Accesses.Add(new EstablishmentAccess { UserId = user.Id, Siret = message.Siret, Habilitations = granted, GrantedAt = message.ApprovedAt });
        else access.Habilitations = granted;
        user.PreferredSiret ??= message.Siret;

        var name = await EstablishmentNames.OfAsync(Db, message.Siret, cancellationToken);
        Db.PublishOnCommit(new UserHabilitationsChanged(user.Id, user.Email!, user.FirstName, user.LastName, message.Siret, name,
            [.. granted.Select(h => h.ToString())], [.. previous.Select(h => h.ToString())], approver.Account.Id, message.ApprovedAt), user.Id.ToString());
        if (access is null)
            Db.PublishOnCommit(new UserAttachedToEstablishment(user.Id, user.Email!, user.FirstName, user.LastName, message.Siret, name,
                [.. granted.Select(h => h.ToString())], message.ApprovedAt), user.Id.ToString());
        AuditTrail.Record(Db, approver, user.Id, "HabilitationsChanged", message.Siret, before, UserSnapshot.Of(user), message.ApprovedAt);
    }
}
