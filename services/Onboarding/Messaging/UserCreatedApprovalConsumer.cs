using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Messaging.Outbox;
using Opco.Onboarding.Data;
using Opco.Onboarding.Features.AccountRequests;

namespace Opco.Onboarding.Messaging;

/// <summary>
/// ✓ on an "Ouverture" ends when the manager saves the pre-filled user in identity: the user it announces with the
/// request's id approves the request, provided its creator may decide on it.
/// </summary>
public sealed class UserCreatedApprovalConsumer(OnboardingDbContext db, MessagingMetrics metrics, ILogger<UserCreatedApprovalConsumer> logger)
    : InboxConsumer<UserCreated, OnboardingDbContext>(db, metrics)
{
    protected override async Task HandleAsync(UserCreated message, ConsumeContext<UserCreated> context, CancellationToken cancellationToken)
    {
        if (message.AccountRequestId is not { } requestId) return;
        var request = await Db.AccountRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !request.IsPending) return;
        var creator = await Deciders.LoadAsync(Db, message.CreatedBy, isAdvisor: null, tokenEmail: null, cancellationToken);
        // The new user may already be known as the establishment's manager: it does not take the request from its advisor.
        if (creator is null || !await Db.AccountRequests.Where(r => r.Id == requestId).VisibleTo(Db, creator, message.UserId).AnyAsync(cancellationToken))
        {
            logger.LogWarning("User {UserId} was created from account request {RequestId} by someone who may not decide on it: the request stays pending",
                message.UserId, requestId);
            return;
        }

        var site = await RequestSite.FindAsync(Db, request.Siret, cancellationToken);
        request.Approve(creator.UserId, creator.DisplayName, message.CreatedAt);
        Db.PublishOnCommit(new AccountRequestApproved(site!.Summarize(request), message.Email, message.UserId, message.CreatedBy, message.CreatedAt),
            request.Id.ToString());
    }
}
