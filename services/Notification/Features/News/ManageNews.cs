using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Api.Lists;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.SharedKernel;

namespace Opco.Notification.Features.News;

/// <summary>
/// Administrators write the news: list (drafts included), read, create a draft, edit, publish (now or from a date), unpublish.
/// Advisors read them like everyone: news speak for the OPCO as a whole.
/// </summary>
public static class ManageNews
{
    public const string InvalidRequest = "Votre actualité contient des erreurs.";
    public const string ChangedMeanwhile =
        "Cette actualité a été modifiée par un autre administrateur depuis que vous l'avez ouverte : rechargez-la, puis refaites votre modification.";

    /// <summary><paramref name="Version"/>: the version the form was opened on (required to edit, so that no one's changes are overwritten).</summary>
    public sealed record Request(string? Title, string? Summary, string? Body, string? TargetOffer, uint? Version = null);

    public sealed record PublishRequest(DateTimeOffset? PublishAt);

    private static readonly ListSorts<NewsItem> Sorts =
        new ListSorts<NewsItem>("updatedAt", ListSorts<NewsItem>.Descending, rows => rows.ThenByDescending(n => n.Id))
            .Column("updatedAt", n => n.UpdatedAt)
            .Column("publishedAt", n => n.PublishedAt);

    public static RouteGroupBuilder MapManageNews(this RouteGroupBuilder admin)
    {
        admin.MapGet("/", ListAsync).WithName("ListNewsForAdministrators").WithSummary("Every news item, drafts included.");
        admin.MapGet("/{id:guid}", GetAsync).WithName("GetNewsForAdministrators").WithSummary("A news item with its Markdown and rendering.");
        admin.MapPost("/", CreateAsync).WithName("CreateNews").WithSummary("Creates a draft.");
        admin.MapPut("/{id:guid}", EditAsync).WithName("EditNews").WithSummary("Changes a draft or a published item.");
        admin.MapPost("/{id:guid}/publish", PublishAsync).WithName("PublishNews").WithSummary("Publishes now, or from a later date.");
        admin.MapPost("/{id:guid}/unpublish", UnpublishAsync).WithName("UnpublishNews").WithSummary("Back to draft.");
        return admin;
    }

    public static async Task<Results<Ok<ListPage<NewsAdminLine>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery list, NotificationDbContext db, CancellationToken cancellationToken)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        return TypedResults.Ok(await request.ToPageAsync(db.News.AsNoTracking(),
            n => new NewsAdminLine(n.Id, n.Title, n.TargetOffer, n.PublishedAt, n.UpdatedAt), cancellationToken));
    }

    public static async Task<Results<Ok<NewsAdminView>, NotFound>> GetAsync(Guid id, NotificationDbContext db, CancellationToken cancellationToken) =>
        await db.News.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken) is { } news
            ? TypedResults.Ok(View(news))
            : TypedResults.NotFound();

    public static async Task<Results<Created<NewsAdminView>, ValidationProblem, UnauthorizedHttpResult>> CreateAsync(
        Request request, HttpContext context, NotificationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var (news, errors) = NewsItem.Draft(Form(request), userId, time.GetUtcNow());
        if (news is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidRequest);
        db.News.Add(news);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/notification/admin/news/{news.Id}", View(news));
    }

    public static async Task<Results<Ok<NewsAdminView>, ValidationProblem, NotFound, UnauthorizedHttpResult, ProblemHttpResult>> EditAsync(
        Guid id, Request request, HttpContext context, NotificationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        if (await db.News.FirstOrDefaultAsync(n => n.Id == id, cancellationToken) is not { } news) return TypedResults.NotFound();
        if (request.Version is not { } version)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["La version de l'actualité modifiée est obligatoire."] },
                title: InvalidRequest);
        var errors = news.Edit(Form(request), userId, time.GetUtcNow());
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidRequest);
        // Judged by the database on the version the form was opened on, so two saves at once cannot both pass.
        db.Entry(news).Property(n => n.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: ChangedMeanwhile);
        }
        return TypedResults.Ok(View(news));
    }

    public static async Task<Results<Ok<NewsAdminView>, NotFound, UnauthorizedHttpResult>> PublishAsync(
        Guid id, PublishRequest? request, HttpContext context, NotificationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        if (await db.News.FirstOrDefaultAsync(n => n.Id == id, cancellationToken) is not { } news) return TypedResults.NotFound();
        news.Publish(request?.PublishAt?.ToUniversalTime(), userId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(news));
    }

    public static async Task<Results<Ok<NewsAdminView>, NotFound, UnauthorizedHttpResult>> UnpublishAsync(
        Guid id, HttpContext context, NotificationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        if (await db.News.FirstOrDefaultAsync(n => n.Id == id, cancellationToken) is not { } news) return TypedResults.NotFound();
        news.Unpublish(userId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(news));
    }

    private static NewsForm Form(Request request) => new(request.Title, request.Summary, request.Body, request.TargetOffer);

    private static NewsAdminView View(NewsItem n) =>
        new(n.Id, n.Title, n.Summary, n.Body, NewsMarkdown.ToHtml(n.Body), n.TargetOffer, n.PublishedAt, n.UpdatedAt, n.Version);
}
