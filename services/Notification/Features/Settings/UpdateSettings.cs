using Opco.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Notification.Data;
using Opco.Notification.Domain;

namespace Opco.Notification.Features.Settings;

/// <summary>Changes the listed kinds only; the others keep their current setting.</summary>
public static class UpdateSettings
{
    public sealed record KindRequest(string? Kind, bool? InPortal, bool? EmailAlerts, string? Frequency);
    public sealed record Request(IReadOnlyList<KindRequest>? Kinds);

    public static RouteGroupBuilder MapUpdateSettings(this RouteGroupBuilder me)
    {
        me.MapPut("/settings", HandleAsync)
            .WithName("UpdateNotificationSettings")
            .WithSummary("Changes the caller's settings for the kinds listed (in the portal, e-mail alerts, frequency).");
        return me;
    }

    public static async Task<Results<Ok<SettingsView>, ValidationProblem, UnauthorizedHttpResult>> HandleAsync(
        Request request, HttpContext context, NotificationDbContext db, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var errors = SettingsValidation.Errors(request, out var changes);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Vos préférences de notification n'ont pas été enregistrées.");

        // An upsert per kind: two first saves at once both succeed (the last one wins) instead of one failing on the key.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var change in changes)
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO notification_settings ("UserId", "Kind", "InPortal", "EmailAlerts", "Frequency")
                    VALUES ({userId}, {change.Kind.ToString()}, {change.InPortal}, {change.EmailAlerts}, {change.Frequency.ToString()})
                    ON CONFLICT ("UserId", "Kind") DO UPDATE
                    SET "InPortal" = excluded."InPortal", "EmailAlerts" = excluded."EmailAlerts", "Frequency" = excluded."Frequency"
                    """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        var settings = await SettingsStore.AllKindsAsync(db, userId, cancellationToken);
        return TypedResults.Ok(new SettingsView([.. settings.Select(KindSettingView.Of)]));
    }

    public sealed record Change(NotificationKind Kind, bool InPortal, bool EmailAlerts, AlertFrequency Frequency);
}
