namespace Opco.Notification.Features.Alerts;

public static class AlertServiceExtensions
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section);
        builder.Services.AddScoped<AlertRun>();
        builder.Services.AddHostedService<AlertJob>();
        return builder;
    }
}
