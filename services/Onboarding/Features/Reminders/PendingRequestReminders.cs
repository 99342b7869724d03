using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Opco.Contracts.Onboarding;
using Opco.Messaging.Outbox;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;
using Opco.Onboarding.Features.AccountRequests;

namespace Opco.Onboarding.Features.Reminders;

/// <summary>
/// Requests left pending for <see cref="ReminderOptions.PendingFor"/> remind their current deciders, once per delay.
/// Rows are claimed with FOR UPDATE SKIP LOCKED and marked in the transaction of their event, so several instances
/// never remind twice.
/// </summary>
public sealed class PendingRequestReminders(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider time,
    ILogger<PendingRequestReminders> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Period, time);
        // First after one period: at start-up the copies of managers may still be catching up.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await RemindBatchAsync(stoppingToken) == Batch) { }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Reminding pending account requests failed; next attempt in {Period}", options.Value.Period);
            }
        }
    }

    public async Task<int> RemindBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
        var now = time.GetUtcNow();
        var delay = options.Value.PendingFor;
        var dueBefore = now - delay;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.AccountRequests.FromSql($"""
                SELECT * FROM account_requests
                WHERE "Status" = 'Pending' AND COALESCE("LastRemindedAt", "SubmittedAt") <= {dueBefore}
                ORDER BY "SubmittedAt" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            foreach (var request in due.Where(r => r.IsReminderDue(now, delay)))
            {
                var site = await RequestSite.FindAsync(db, request.Siret, cancellationToken);
                request.MarkReminded(now);
                if (site is null) continue;
                var (routedTo, recipients) = await Deciders.RouteAsync(db, site.Siret, site.AdvisorEmail, cancellationToken);
                if (recipients.Count > 0)
                    db.PublishOnCommit(new AccountRequestReminderDue(site.Summarize(request), routedTo.ToString(), RequestSite.Recipients(recipients), now),
                        request.Id.ToString());
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return due.Count;
        });
    }
}
