using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;

namespace Opco.Notification.Features.Alerts;

/// <summary>
/// One run of the alert job, in one transaction: each user who asked for e-mail alerts and has unread notifications
/// not yet listed, whose frequency is due, gets one e-mail listing them; they are marked alerted in the same commit
/// as the e-mail is recorded, so no notification is ever summarised twice, and an SMTP outage only delays the e-mail.
/// </summary>
public sealed class AlertRun(NotificationDbContext db, EmailQueue emails, TimeProvider time, IOptions<AlertOptions> options)
{
    private sealed record Pending(PortalNotification Notification, AlertFrequency Frequency);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One run at a time, whatever the number of instances.
        var leader = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtext('notification.alerts')) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!leader) return 0;

        var pending = await PendingAsync(now, cancellationToken);
        var users = pending.Select(p => p.Notification.UserId).Distinct().ToList();
        var contacts = await db.UserContacts.Where(c => users.Contains(c.UserId) && c.Email != "").ToDictionaryAsync(c => c.UserId, cancellationToken);
        var states = await db.AlertStates.Where(s => users.Contains(s.UserId)).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var user in pending.GroupBy(p => p.Notification.UserId))
        {
            // Without an address yet (identity's event still on its way), the next run will find it.
            if (!contacts.TryGetValue(user.Key, out var contact)) continue;
            foreach (var item in user) item.Notification.MarkAlerted(now);
            foreach (var frequency in user.Select(p => p.Frequency).Distinct())
            {
                var state = states.SingleOrDefault(s => s.UserId == user.Key && s.Frequency == frequency);
                if (state is null) db.AlertStates.Add(UserAlertState.Create(user.Key, frequency, now));
                else state.Sent(now);
            }
            // The most frequent setting among them names the alert ("immédiate" rather than "quotidienne").
            var values = AlertDigest.Values(contact.FirstName, contact.LastName, [.. user.Select(p => p.Notification)], user.Min(p => p.Frequency), emails.Portal);
            emails.Add(Guid.CreateVersion7(now), AlertDigest.Template, values, contact.Email, $"User/{user.Key}");
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (sent > 0) emails.WakeDispatcher();
        return sent;
    }

    /// <summary>Unread, never alerted, of a kind the user wants alerts for, at a frequency that is due.</summary>
    private async Task<List<Pending>> PendingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dailyCutoff = now - AlertSchedule.MinimumGap(AlertFrequency.Daily);
        var weeklyCutoff = now - AlertSchedule.MinimumGap(AlertFrequency.Weekly);
        var rows = await (
                from n in db.Notifications
                where n.ReadAt == null && n.AlertedAt == null
                join s in db.NotificationSettings on new { n.UserId, n.Kind } equals new { s.UserId, s.Kind }
                where s.EmailAlerts
                where s.Frequency == AlertFrequency.Immediate
                      || !db.AlertStates.Any(a => a.UserId == n.UserId && a.Frequency == s.Frequency
                                                  && a.LastSentAt > (s.Frequency == AlertFrequency.Daily ? dailyCutoff : weeklyCutoff))
                orderby n.CreatedAt
                select new { Notification = n, s.Frequency })
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Pending(r.Notification, r.Frequency))];
    }
}
