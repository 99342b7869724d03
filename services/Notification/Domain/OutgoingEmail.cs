namespace Opco.Notification.Domain;

/// <summary>
/// Every e-mail the portal sends, recorded before it is sent: recipient, template, related entity, status and attempts.
/// The event that caused it is unique per template and recipient, so an event never sends the same e-mail twice.
/// </summary>
public sealed class OutgoingEmail
{
    public Guid Id { get; private set; }
    public Guid CausationId { get; private set; }
    public string Template { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string RelatedEntity { get; private set; } = "";
    public EmailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    private OutgoingEmail() { }

    public static OutgoingEmail Create(Guid causationId, RenderedEmail email, string recipient, string relatedEntity, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            CausationId = causationId,
            Template = email.Template,
            Recipient = recipient,
            Subject = email.Subject,
            HtmlBody = email.Html,
            TextBody = email.Text,
            RelatedEntity = relatedEntity,
            Status = EmailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        Status = EmailStatus.Sent;
        SentAt = now;
        LastError = null;
    }

    /// <summary>An SMTP failure never loses the e-mail: it is tried again later, backing off up to an hour.</summary>
    public void RecordFailure(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error;
        var delay = TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Attempts)));
        NextAttemptAt = now + delay;
    }
}

public sealed record RenderedEmail(string Template, string Subject, string Html, string Text);
