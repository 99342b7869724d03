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
        me.MapPut("/settings", HandleAsync);
        return me;
    }

    public static async Task<Results<Ok<SettingsView>, ValidationProblem, UnauthorizedHttpResult>> HandleAsync(
        Request request, HttpContext context, NotificationDbContext db, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(context.User) is not { } userId) return TypedResults.Unauthorized();
        var errors = SettingsValidation.Errors(request, out var changes);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Vos préférences de notification n'ont pas été enregistrées.");

        var current = (await SettingsStore.AllKindsAsync(db, userId, cancellationToken)).ToDictionary(s => s.Kind);
        foreach (var change in changes)
        {
            var setting = current[change.Kind];
            // A default setting has no row yet: it becomes one when the user first changes it.
            if (db.Entry(setting).State == EntityState.Detached) db.NotificationSettings.Add(setting);
            setting.Change(change.InPortal, change.EmailAlerts, change.Frequency);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new SettingsView([.. current.Values.OrderBy(s => s.Kind).Select(KindSettingView.Of)]));
    }

    public sealed record Change(NotificationKind Kind, bool InPortal, bool EmailAlerts, AlertFrequency Frequency);
}
