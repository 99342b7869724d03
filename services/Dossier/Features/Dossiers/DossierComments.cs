using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Dossier.Data;

namespace Opco.Dossier.Features.Dossiers;

/// <summary>Comments between the company and the advisor, on the dossier's page.</summary>
public static class DossierComments
{
    public sealed record CommentRequest(string? Text);

    public static RouteHandlerBuilder MapDossierComments(this RouteGroupBuilder dossiers) =>
        dossiers.MapPost("/{id:guid}/comments", HandleAsync)
            .WithName("CommentDossier")
            .WithSummary("Adds a comment to the dossier (Suivre les dossiers).");

    public static async Task<Results<Created<DossierView.CommentPart>, ProblemHttpResult>> HandleAsync(string siret, Guid id, CommentRequest request,
        HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        var errors = dossier.Comment(request.Text, DossierStore.ActorOf(http.User), byAdvisor: false, time.GetUtcNow());
        if (!errors.IsEmpty) return DossierStore.Invalid(errors);
        await db.SaveChangesAsync(cancellationToken);
        var comment = dossier.Comments[^1];
        return TypedResults.Created($"/api/dossier/establishments/{dossier.Siret}/dossiers/{dossier.Id}",
            new DossierView.CommentPart(comment.At, comment.AuthorName, comment.ByAdvisor, comment.Text));
    }
}
