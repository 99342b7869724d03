namespace Opco.Messaging.Inbox;

/// <summary>Proof that a consumer applied a message: recorded in the same transaction as the effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; private set; }
    public string Consumer { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }

    private InboxMessage() { }
}
