using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Contracts.Onboarding;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;
using Opco.Identity.Features.Users;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;
using Opco.SharedKernel.People;

namespace Opco.Identity.Messaging;

/// <summary>
/// Carries out a ✓ onboarding decided (onboarding checked the decider may): creates the account of an "Ouverture", or
/// gives the existing account of a "Rattachement" the accesses, on behalf of the decider; then answers. Nothing is
/// changed when it cannot be done: the address already has an account, the account is gone, an establishment closed
/// meanwhile. A request carried out before (a re-sent event) is answered again, changed again never.
/// </summary>
public sealed class AccountRequestAcceptedConsumer(IdentityDbContext db, MessagingMetrics metrics, AccountLinks links)
    : InboxConsumer<AccountRequestAccepted, IdentityDbContext>(db, metrics)
{
    protected override async Task HandleAsync(AccountRequestAccepted message, ConsumeContext<AccountRequestAccepted> context,
        CancellationToken cancellationToken)
    {
        var aggregate = message.AccountRequestId.ToString();
        if (await Db.FulfilledAccountRequests.SingleOrDefaultAsync(f => f.AccountRequestId == message.AccountRequestId, cancellationToken) is { } done)
        {
            Db.PublishOnCommit(new AccountRequestFulfilled(message.AccountRequestId, done.UserId, done.FulfilledAt), aggregate);
            return;
        }
        var sirets = message.Grants.Select(g => g.Siret).ToList();
        if (await Db.Establishments.AnyAsync(e => sirets.Contains(e.Siret) && e.ClosedOn != null, cancellationToken))
        {
            Fail(message, FulfilmentFailureReasons.EstablishmentClosed);
            return;
        }

        var decider = await Db.Users.Include(u => u.Accesses).SingleAsync(u => u.Id == message.AcceptedBy, cancellationToken);
        var by = new Caller(decider, decider.Accesses.Where(a => a.CanManageUsers).Select(a => a.Siret).ToHashSet());
        var grants = message.Grants.Select(g => (g.Siret, HabilitationNames.Parse(g.Habilitations).ToList())).ToList();
        var normalizedEmail = message.Email.ToUpperInvariant();
        var existing = await Db.Users.Include(u => u.Accesses)
            .SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail && u.DeletedAt == null, cancellationToken);
        UserAccount user;
        if (message.Kind == AcceptedKinds.Opening)
        {
            if (existing is not null || message.Person is null || !EmailAddress.TryParse(message.Email, out var email))
            {
                Fail(message, FulfilmentFailureReasons.EmailTaken);
                return;
            }
            var person = new PersonalData(Enum.Parse<Civility>(message.Person.Civility), message.Person.LastName, message.Person.FirstName,
                message.Person.Phone, message.Person.Function);
            user = await UserProvisioning.CreateAsync(Db, links, by, person, email!, grants, message.AcceptedAt, cancellationToken);
        }
        else
        {
            if (existing is null || existing.StaffRole != StaffRole.None)
            {
                Fail(message, FulfilmentFailureReasons.AccountNotFound);
                return;
            }
            user = existing;
            foreach (var (siret, habilitations) in grants)
                await UserProvisioning.GrantAsync(Db, by, user, siret, habilitations, message.AcceptedAt, cancellationToken);
        }
        Db.FulfilledAccountRequests.Add(FulfilledAccountRequest.Of(message.AccountRequestId, user.Id, message.AcceptedAt));
        Db.PublishOnCommit(new AccountRequestFulfilled(message.AccountRequestId, user.Id, message.AcceptedAt), aggregate);
    }

    private void Fail(AccountRequestAccepted message, string reason) =>
        Db.PublishOnCommit(new AccountRequestFulfilmentFailed(message.AccountRequestId, reason, message.AcceptedAt), message.AccountRequestId.ToString());
}
