namespace Opco.Notification.Email;

/// <summary>Wakes the dispatcher when a consumer has just committed an e-mail to send.</summary>
public sealed class EmailSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* a wake-up is already pending */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
