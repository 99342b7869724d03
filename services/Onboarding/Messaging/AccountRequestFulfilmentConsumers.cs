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

/// <summary>Identity created or attached the account of an accepted request: the request is approved (once).</summary>
public sealed class AccountRequestFulfilledConsumer(OnboardingDbContext db, MessagingMetrics metrics)
    : InboxConsumer<AccountRequestFulfilled, OnboardingDbContext>(db, metrics)
{
    protected override async Task HandleAsync(AccountRequestFulfilled message, ConsumeContext<AccountRequestFulfilled> context,
        CancellationToken cancellationToken)
    {
        var request = await Db.AccountRequests.SingleOrDefaultAsync(r => r.Id == message.AccountRequestId, cancellationToken);
        if (request is null || !request.Fulfil(message.FulfilledAt)) return;
        var site = await RequestSite.FindAsync(Db, request.Siret, cancellationToken);
        Db.PublishOnCommit(new AccountRequestApproved(site!.Summarize(request), request.Email, message.UserId, request.DecidedBy!.Value,
            message.FulfilledAt), request.Id.ToString());
    }
}

/// <summary>Identity could not carry out an accepted request: it awaits a decision again, with the reason shown.</summary>
public sealed class AccountRequestFulfilmentFailedConsumer(OnboardingDbContext db, MessagingMetrics metrics)
    : InboxConsumer<AccountRequestFulfilmentFailed, OnboardingDbContext>(db, metrics)
{
    protected override async Task HandleAsync(AccountRequestFulfilmentFailed message, ConsumeContext<AccountRequestFulfilmentFailed> context,
        CancellationToken cancellationToken)
    {
        var request = await Db.AccountRequests.SingleOrDefaultAsync(r => r.Id == message.AccountRequestId, cancellationToken);
        request?.FailFulfilment(message.Reason, message.FailedAt);
    }
}
