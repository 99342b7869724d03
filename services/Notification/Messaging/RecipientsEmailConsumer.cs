using MassTransit;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>
/// Like <see cref="EmailConsumer{TMessage}"/> for an event addressed to several people: one e-mail each, all recorded
/// with the inbox entry, so a redelivery sends none of them twice.
/// </summary>
public abstract class RecipientsEmailConsumer<TMessage>(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : InboxConsumer<TMessage, NotificationDbContext>(db, metrics) where TMessage : class
{
    protected abstract string TemplateName { get; }
    protected abstract IEnumerable<(string Recipient, IReadOnlyDictionary<string, string> Values)> EmailsOf(TMessage message, PortalOptions portal);
    protected abstract string RelatedEntityOf(TMessage message);

    protected override Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        foreach (var (recipient, values) in EmailsOf(message, emails.Portal).DistinctBy(e => e.Recipient, StringComparer.OrdinalIgnoreCase))
            emails.Add(context.MessageId!.Value, TemplateName, values, recipient, RelatedEntityOf(message));
        return Task.CompletedTask;
    }

    protected override void AfterCommit() => emails.WakeDispatcher();
}
