using MassTransit;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>One event, one transactional e-mail: recorded with the inbox entry, so a redelivery never sends it twice.</summary>
public abstract class EmailConsumer<TMessage>(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : InboxConsumer<TMessage, NotificationDbContext>(db, metrics) where TMessage : class
{
    protected abstract string TemplateName { get; }
    protected abstract IReadOnlyDictionary<string, string> ValuesOf(TMessage message, PortalOptions portal);
    protected abstract string RecipientOf(TMessage message);
    protected abstract string RelatedEntityOf(TMessage message);

    /// <summary>Some events only deserve an e-mail in some cases.</summary>
    protected virtual bool ShouldSend(TMessage message) => true;

    protected override Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        if (ShouldSend(message))
            emails.Add(context.MessageId!.Value, TemplateName, ValuesOf(message, emails.Portal), RecipientOf(message), RelatedEntityOf(message));
        return Task.CompletedTask;
    }

    protected override void AfterCommit() => emails.WakeDispatcher();
}
