namespace Opco.Onboarding.Features.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Onboarding:Reminders";

    /// <summary>How long a request stays pending before its deciders are reminded, and again between reminders.</summary>
    public TimeSpan PendingFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often pending requests are checked.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled { get; set; } = true;
}
