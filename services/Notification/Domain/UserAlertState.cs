namespace Opco.Notification.Domain;

/// <summary>When a user last received an alert e-mail for notifications of one frequency.</summary>
public sealed class UserAlertState
{
    public Guid UserId { get; private set; }
    public AlertFrequency Frequency { get; private set; }
    public DateTimeOffset LastSentAt { get; private set; }

    private UserAlertState() { }

    public static UserAlertState Create(Guid userId, AlertFrequency frequency, DateTimeOffset now) =>
        new() { UserId = userId, Frequency = frequency, LastSentAt = now };

    public void Sent(DateTimeOffset now) => LastSentAt = now;
}
