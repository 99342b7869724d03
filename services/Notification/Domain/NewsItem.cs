using Opco.SharedKernel;

namespace Opco.Notification.Domain;

/// <summary>What an administrator types for a piece of news; the body is Markdown (<see cref="NewsMarkdown"/>).</summary>
public sealed record NewsForm(string? Title, string? Summary, string? Body, string? TargetOffer);

/// <summary>
/// « Actualités »: OPCO news written by an administrator, a draft until published. Published with a future date, it
/// shows from that date (scheduled). Targeted at a service offer, it shows only to users of companies holding it.
/// </summary>
public sealed class NewsItem
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 20_000;
    public const int OfferMaxLength = 100;

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>Null: for everyone.</summary>
    public string? TargetOffer { get; private set; }
    /// <summary>Null while a draft; may be in the future (scheduled).</summary>
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedBy { get; private set; }
    /// <summary>PostgreSQL's row version: an edit made from an older one would overwrite someone else's, and is refused.</summary>
    public uint Version { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    private NewsItem() { }

    public static (NewsItem? News, FieldErrors Errors) Draft(NewsForm form, Guid by, DateTimeOffset now)
    {
        var errors = Validate(form, out var fields);
        if (!errors.IsEmpty) return (null, errors);
        var news = new NewsItem { Id = Guid.CreateVersion7(now), CreatedAt = now };
        news.Apply(fields, by, now);
        return (news, errors);
    }

    public FieldErrors Edit(NewsForm form, Guid by, DateTimeOffset now)
    {
        var errors = Validate(form, out var fields);
        if (errors.IsEmpty) Apply(fields, by, now);
        return errors;
    }

    /// <summary>From <paramref name="at"/> (now when null); publishing again moves the date.</summary>
    public void Publish(DateTimeOffset? at, Guid by, DateTimeOffset now) => (PublishedAt, UpdatedBy, UpdatedAt) = (at ?? now, by, now);

    public void Unpublish(Guid by, DateTimeOffset now) => (PublishedAt, UpdatedBy, UpdatedAt) = (null, by, now);

    private void Apply(NewsForm fields, Guid by, DateTimeOffset now) =>
        (Title, Summary, Body, TargetOffer, UpdatedBy, UpdatedAt) = (fields.Title!, fields.Summary!, fields.Body!, fields.TargetOffer, by, now);

    private static FieldErrors Validate(NewsForm form, out NewsForm fields)
    {
        var errors = new FieldErrors();
        var title = Required(form.Title, "title", "Le titre", TitleMaxLength, errors);
        var summary = Required(form.Summary, "summary", "Le résumé", SummaryMaxLength, errors);
        var body = Required(form.Body, "body", "Le texte", BodyMaxLength, errors);
        var offer = string.IsNullOrWhiteSpace(form.TargetOffer) ? null : form.TargetOffer.Trim();
        if (offer?.Length > OfferMaxLength) errors.Add("targetOffer", $"L'offre de service ne doit pas dépasser {OfferMaxLength} caractères.");
        fields = new NewsForm(title, summary, body, offer);
        return errors;
    }

    private static string? Required(string? value, string field, string label, int maxLength, FieldErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add(field, $"{label} est obligatoire.");
        else if (text.Length > maxLength) errors.Add(field, $"{label} ne doit pas dépasser {maxLength} caractères.");
        return text;
    }
}
