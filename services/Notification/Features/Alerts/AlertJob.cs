using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Opco.Notification.Data;

namespace Opco.Notification.Features.Alerts;

/// <summary>Runs <see cref="AlertRun"/> on a fixed interval.</summary>
public sealed class AlertJob(IServiceScopeFactory scopes, IOptions<AlertOptions> options, ILogger<AlertJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        try
        {
            do await RunOnceAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
            var run = scope.ServiceProvider.GetRequiredService<AlertRun>();
            var sent = await db.Database.CreateExecutionStrategy().ExecuteAsync(() => run.RunAsync(stoppingToken));
            if (sent > 0) logger.LogInformation("Alert job queued {Count} alert e-mail(s)", sent);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Alert job run failed: {Error}", error.Message);
        }
    }
}
