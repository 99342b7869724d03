using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Opco.Notification.Data;
using Opco.Notification.Domain;

namespace Opco.Notification.Email;

/// <summary>
/// Sends the recorded e-mails that are due. Rows are locked while sent, so several instances never send the same one;
/// an SMTP outage only delays them. Only the template name and id are logged, never the body (it holds one-time links).
/// </summary>
public sealed class EmailDispatcher(
    IServiceScopeFactory scopes,
    SmtpEmailSender sender,
    EmailSignal signal,
    TimeProvider time,
    IOptions<MailOptions> options,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0) { }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("E-mail dispatch round failed: {Error}", error.Message);
            }

            try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => SendDueAsync(db, cancellationToken));
    }

    private async Task<int> SendDueAsync(NotificationDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.OutgoingEmails
            .FromSql($"""
                SELECT * FROM outgoing_emails WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt" LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var email in due)
        {
            try
            {
                await sender.SendAsync(email, cancellationToken);
                email.MarkSent(time.GetUtcNow());
                sent++;
                logger.LogInformation("Sent e-mail {EmailId} ({Template})", email.Id, email.Template);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                email.RecordFailure($"{error.GetType().Name}: {error.Message}", time.GetUtcNow());
                logger.LogWarning("E-mail {EmailId} ({Template}) not sent, attempt {Attempt}: {Error}",
                    email.Id, email.Template, email.Attempts, error.Message);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }
}
