namespace Opco.Notification.Features.Alerts;

public sealed class AlertOptions
{
    public const string Section = "Notification:Alerts";

    /// <summary>How often the job looks for unread notifications to summarise; "immediate" alerts wait at most this long.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Notifications handled per run; the rest wait for the next one.</summary>
    public int BatchSize { get; set; } = 2000;
}
