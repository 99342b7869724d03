namespace Opco.Notification.Features.News;

/// <summary>A line of « Actualités » (and of the home page's latest three).</summary>
public sealed record NewsSummary(Guid Id, string Title, string Summary, DateTimeOffset PublishedAt, string? TargetOffer);

/// <summary>An article as readers see it: its body already rendered to safe HTML (<see cref="Domain.NewsMarkdown"/>).</summary>
public sealed record NewsArticle(Guid Id, string Title, string Summary, DateTimeOffset PublishedAt, string? TargetOffer, string BodyHtml);

/// <summary>A news item as administrators edit it: draft or published, the Markdown and its rendering.</summary>
public sealed record NewsAdminView(Guid Id, string Title, string Summary, string Body, string BodyHtml, string? TargetOffer,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, uint Version);

/// <summary>A line of the administrators' list: drafts included.</summary>
public sealed record NewsAdminLine(Guid Id, string Title, string? TargetOffer, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt);
