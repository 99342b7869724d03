using Microsoft.Extensions.Options;
using Opco.Notification.Data;
using Opco.Notification.Domain;

namespace Opco.Notification.Email;

/// <summary>Renders a transactional e-mail and records it for the dispatcher, in the consumer's transaction.</summary>
public sealed class EmailQueue(NotificationDbContext db, EmailTemplates templates, EmailSignal signal, IOptions<PortalOptions> portal, TimeProvider time)
{
    public PortalOptions Portal => portal.Value;

    public void Add(Guid causationId, string template, IReadOnlyDictionary<string, string> values, string recipient, string relatedEntity) =>
        db.OutgoingEmails.Add(OutgoingEmail.Create(causationId, templates.Render(template, values), recipient, relatedEntity, time.GetUtcNow()));

    /// <summary>Once committed, the dispatcher need not wait for its next poll.</summary>
    public void WakeDispatcher() => signal.Notify();
}
