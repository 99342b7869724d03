using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Messaging.Copies;
using Opco.Messaging.Inbox;
using Opco.Onboarding.Data;

namespace Opco.Onboarding.Messaging;

/// <summary>Answers a new copy of the companies with all of them, in pages, read in the transaction that publishes them.</summary>
public sealed class CompanySnapshotConsumer(OnboardingDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<CompanySnapshotRequested, OnboardingDbContext>(db, metrics)
{
    public const int PageSize = 500;

    protected override async Task HandleAsync(CompanySnapshotRequested message, ConsumeContext<CompanySnapshotRequested> context,
        CancellationToken cancellationToken)
    {
        var stateAsOf = time.GetUtcNow() - Snapshots.CommitMargin;
        var companies = await Db.Companies.AsNoTracking().OrderBy(c => c.Siren)
            .Select(c => new CompanyState(c.Siren, c.Name, c.Headcount, c.ServiceOffer, c.AdvisorEmail)).ToListAsync(cancellationToken);
        Snapshots.PublishInPages(Db, companies, PageSize, (page, number, count) => new CompanySnapshotTaken(message.Requester, page, number, count, stateAsOf));
    }
}
