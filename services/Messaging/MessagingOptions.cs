namespace Opco.Messaging;

/// <summary>Bound from the <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public OutboxOptions Outbox { get; set; } = new();
    public InboxOptions Inbox { get; set; } = new();
}

public sealed class OutboxOptions
{
    /// <summary>Off only to simulate a producer that died between commit and publish.</summary>
    public bool RelayEnabled { get; set; } = true;
    public int BatchSize { get; set; } = 200;
    /// <summary>Fallback poll for events committed by another instance (its own commits wake the relay at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>How long one publish may wait for the broker's confirm before its event is retried in a later round.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Above this many pending events /health reports Degraded.</summary>
    public int DegradedBacklog { get; set; } = 1000;
}

public sealed class InboxOptions
{
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Messages each endpoint handles at once: MassTransit's 16 by default; bench/outbox.sh runs with 48 (see bench/README.md).
    /// </summary>
    public int ConcurrentMessageLimit { get; set; } = 16;
}
