using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Onboarding;
using Opco.Dossier.Data;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Dossier.Messaging;

/// <summary>Upserts of the member companies' copy; each keeps a row only when it is newer than the one stored.</summary>
internal static class CompanyCopy
{
    public const string Name = "member-companies";

    public static Task UpsertAsync(DossierDbContext db, IReadOnlyList<CompanyState> companies, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string[] sirens = [.. companies.Select(c => c.Siren)];
        string[] names = [.. companies.Select(c => c.Name)];
        int?[] headcounts = [.. companies.Select(c => c.Headcount)];
        string?[] offers = [.. companies.Select(c => c.ServiceOffer)];
        string?[] advisors = [.. companies.Select(c => c.AdvisorEmail)];
        // One statement for a whole snapshot page, so two deliveries cannot race each other.
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO member_companies (siren, name, headcount, service_offer, advisor_email, updated_at)
            SELECT s, n, h, o, a, {at.ToUniversalTime()} FROM unnest({sirens}, {names}, {headcounts}, {offers}, {advisors}) AS t(s, n, h, o, a)
            ON CONFLICT (siren) DO UPDATE SET name = excluded.name, headcount = excluded.headcount,
                service_offer = excluded.service_offer, advisor_email = excluded.advisor_email, updated_at = excluded.updated_at
            WHERE member_companies.updated_at < excluded.updated_at
            """, cancellationToken);
    }
}

public sealed class CompanyRegisteredCopyConsumer(DossierDbContext db, MessagingMetrics metrics)
    : InboxConsumer<CompanyRegistered, DossierDbContext>(db, metrics)
{
    protected override Task HandleAsync(CompanyRegistered m, ConsumeContext<CompanyRegistered> context, CancellationToken cancellationToken) =>
        CompanyCopy.UpsertAsync(Db, [new CompanyState(m.Siren, m.Name, m.Headcount, m.ServiceOffer, m.AdvisorEmail)], m.OccurredAt, cancellationToken);
}

public sealed class CompanyUpdatedCopyConsumer(DossierDbContext db, MessagingMetrics metrics)
    : InboxConsumer<CompanyUpdated, DossierDbContext>(db, metrics)
{
    protected override Task HandleAsync(CompanyUpdated m, ConsumeContext<CompanyUpdated> context, CancellationToken cancellationToken) =>
        CompanyCopy.UpsertAsync(Db, [new CompanyState(m.Siren, m.Name, m.Headcount, m.ServiceOffer, m.AdvisorEmail)], m.OccurredAt, cancellationToken);
}

public sealed class CompanySnapshotCopyConsumer(DossierDbContext db, MessagingMetrics metrics)
    : InboxConsumer<CompanySnapshotTaken, DossierDbContext>(db, metrics)
{
    protected override Task HandleAsync(CompanySnapshotTaken m, ConsumeContext<CompanySnapshotTaken> context, CancellationToken cancellationToken) =>
        CompanyCopy.UpsertAsync(Db, m.Companies, m.StateAsOf, cancellationToken);
}
