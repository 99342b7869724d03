using Opco.Messaging;
using Opco.Notification.Data;
using Opco.Notification.Email;

namespace Opco.Notification.Messaging;

/// <summary>One event, one transactional e-mail: the single-recipient case of <see cref="RecipientsEmailConsumer{TMessage}"/>.</summary>
public abstract class EmailConsumer<TMessage>(NotificationDbContext db, MessagingMetrics metrics, EmailQueue emails)
    : RecipientsEmailConsumer<TMessage>(db, metrics, emails) where TMessage : class
{
    protected abstract IReadOnlyDictionary<string, string> ValuesOf(TMessage message, PortalOptions portal);
    protected abstract string RecipientOf(TMessage message);

    /// <summary>Some events only deserve an e-mail in some cases.</summary>
    protected virtual bool ShouldSend(TMessage message) => true;

    protected sealed override IEnumerable<(string Recipient, IReadOnlyDictionary<string, string> Values)> EmailsOf(TMessage message,
        PortalOptions portal) =>
        ShouldSend(message) ? [(RecipientOf(message), ValuesOf(message, portal))] : [];
}
