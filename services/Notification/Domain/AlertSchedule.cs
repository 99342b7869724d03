namespace Opco.Notification.Domain;

/// <summary>
/// Whether a user's unread notifications of a frequency may be summarised now: "immediate" at every run of the alert
/// job, "daily" and "weekly" at most once a day or a week, the first one as soon as there is something to say.
/// </summary>
public static class AlertSchedule
{
    public static TimeSpan MinimumGap(AlertFrequency frequency) => frequency switch
    {
        AlertFrequency.Immediate => TimeSpan.Zero,
        AlertFrequency.Daily => TimeSpan.FromDays(1),
        AlertFrequency.Weekly => TimeSpan.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    public static bool IsDue(AlertFrequency frequency, DateTimeOffset? lastSentAt, DateTimeOffset now) =>
        lastSentAt is not { } last || now - last >= MinimumGap(frequency);
}
