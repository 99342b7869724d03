using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;

namespace Opco.Notification.Messaging;

/// <summary>Upserts of the companies' offers copy (news targeted at an offer); a row changes only for a newer state.</summary>
internal static class CompanyOfferCopy
{
    public const string Name = "company-offers";

    public static Task UpsertAsync(NotificationDbContext db, IReadOnlyList<CompanyState> companies, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string[] sirens = [.. companies.Select(c => c.Siren)];
        string?[] offers = [.. companies.Select(c => c.ServiceOffer)];
        // One statement for a whole snapshot page, so two deliveries cannot race each other.
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO company_offers (siren, service_offer, updated_at)
            SELECT s, o, {at.ToUniversalTime()} FROM unnest({sirens}, {offers}) AS t(s, o)
            ON CONFLICT (siren) DO UPDATE SET service_offer = excluded.service_offer, updated_at = excluded.updated_at
            WHERE company_offers.updated_at < excluded.updated_at
            """, cancellationToken);
    }
}

public sealed class CompanyRegisteredOfferConsumer(NotificationDbContext db, MessagingMetrics metrics)
    : InboxConsumer<CompanyRegistered, NotificationDbContext>(db, metrics)
{
    protected override Task HandleAsync(CompanyRegistered m, ConsumeContext<CompanyRegistered> context, CancellationToken cancellationToken) =>
        CompanyOfferCopy.UpsertAsync(Db, [new CompanyState(m.Siren, m.Name, m.Headcount, m.ServiceOffer, m.AdvisorEmail)], m.OccurredAt, cancellationToken);
}

public sealed class CompanyUpdatedOfferConsumer(NotificationDbContext db, MessagingMetrics metrics)
    : InboxConsumer<CompanyUpdated, NotificationDbContext>(db, metrics)
{
    protected override Task HandleAsync(CompanyUpdated m, ConsumeContext<CompanyUpdated> context, CancellationToken cancellationToken) =>
        CompanyOfferCopy.UpsertAsync(Db, [new CompanyState(m.Siren, m.Name, m.Headcount, m.ServiceOffer, m.AdvisorEmail)], m.OccurredAt, cancellationToken);
}

public sealed class CompanySnapshotOfferConsumer(NotificationDbContext db, MessagingMetrics metrics)
    : InboxConsumer<CompanySnapshotTaken, NotificationDbContext>(db, metrics)
{
    protected override Task HandleAsync(CompanySnapshotTaken m, ConsumeContext<CompanySnapshotTaken> context, CancellationToken cancellationToken) =>
        CompanyOfferCopy.UpsertAsync(Db, m.Companies, m.StateAsOf, cancellationToken);
}
