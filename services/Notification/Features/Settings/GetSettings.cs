using Opco.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Notification.Data;

namespace Opco.Notification.Features.Settings;

public static class GetSettings
{
    public static RouteGroupBuilder MapGetSettings(this RouteGroupBuilder me)
    {
        me.MapGet("/settings", HandleAsync)
            .WithName("NotificationSettings")
            .WithSummary("The caller's notification settings, per kind.");
        return me;
    }

    public static async Task<Results<Ok<SettingsView>, UnauthorizedHttpResult>> HandleAsync(
        HttpContext context, NotificationDbContext db, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var settings = await SettingsStore.AllKindsAsync(db, userId, cancellationToken);
        return TypedResults.Ok(new SettingsView([.. settings.Select(KindSettingView.Of)]));
    }
}
