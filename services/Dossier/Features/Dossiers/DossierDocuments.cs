using Opco.SharedKernel.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Dossiers;

/// <summary>
/// The pieces of a dossier: the file is the request body (its name in <c>fileName</c>), its type judged by its content;
/// over 10 MB or of another type, a French 4xx and nothing stored. Downloaded by whoever may see the dossier.
/// </summary>
public static class DossierDocuments
{
    public const string InvalidFile = "La pièce n'a pas été enregistrée.";

    public static RouteGroupBuilder MapDossierDocuments(this RouteGroupBuilder dossiers, RouteGroupBuilder readers)
    {
        dossiers.MapPost("/{id:guid}/documents", UploadAsync)
            .Accepts<byte[]>("application/pdf", "image/jpeg", "image/png", "application/octet-stream")
            .WithName("UploadDossierDocument")
            .WithSummary("Adds a piece (kind: quote, programme, agreement, supplement, completionCertificate); PDF, JPEG or PNG, 10 MB at most.");
        dossiers.MapDelete("/{id:guid}/documents/{documentId:guid}", RemoveAsync)
            .WithName("RemoveDossierDocument")
            .WithSummary("Removes a piece while the dossier is being entered.");
        readers.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadAsync)
            .WithName("DownloadDossierDocument")
            .WithSummary("Downloads a piece of the dossier.");
        return dossiers;
    }

    public static async Task<Results<Created<DossierView.DocumentPart>, ProblemHttpResult>> UploadAsync(string siret, Guid id, string? kind,
        string? fileName, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!EnumCodes.TryParse<DocumentKind>(kind, out var documentKind))
            return Problem(StatusCodes.Status400BadRequest, "Indiquez le type de pièce : devis, programme, convention, pièce complémentaire ou certificat de réalisation.");
        var content = await RequestBodies.ReadAtMostAsync(http.Request, DocumentFile.MaxSize, cancellationToken);
        if (content is null) return Problem(StatusCodes.Status413PayloadTooLarge, DocumentFile.TooLarge);
        if (content.Length == 0) return Problem(StatusCodes.Status400BadRequest, DocumentFile.Empty);
        if (DocumentFile.ContentTypeOf(content) is not { } contentType) return Problem(StatusCodes.Status415UnsupportedMediaType, DocumentFile.WrongType);

        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        var refusal = dossier.AddDocument(documentKind, DocumentFile.SafeName(fileName, contentType), contentType, content.Length,
            DossierStore.ActorOf(http.User), ParisCalendar.Today(time), time.GetUtcNow(), out var document);
        if (refusal is not null) return DossierStore.Refused(refusal);
        db.DocumentContents.Add(DossierDocumentContent.Of(document!.Id, content));
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return DossierStore.ChangedMeanwhile();
        return TypedResults.Created($"/api/dossier/establishments/{dossier.Siret}/dossiers/{dossier.Id}/documents/{document.Id}",
            new DossierView.DocumentPart(document.Id, document.Kind.ToString(), DossierLabels.Of(document.Kind), document.FileName,
                document.ContentType, document.Size, document.UploadedAt, document.UploadedByName));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string siret, Guid id, Guid documentId, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        var refusal = dossier.RemoveDocument(documentId, time.GetUtcNow());
        if (refusal is not null) return DossierStore.Refused(refusal);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return DossierStore.ChangedMeanwhile();
        return TypedResults.NoContent();
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(string siret, Guid id, Guid documentId,
        DossierDbContext db, CancellationToken cancellationToken)
    {
        var key = Authorization.HabilitationCopy.SiretKey.Of(siret);
        return await FileAsync(db, documentId, db.Dossiers.Where(d => d.Id == id && d.Siret == key), cancellationToken);
    }

    /// <summary>A piece's bytes, when it belongs to one of the <paramref name="visible"/> dossiers (the caller's establishment's, or the advisor's).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(DossierDbContext db, Guid documentId,
        IQueryable<FundingDossier> visible, CancellationToken cancellationToken)
    {
        var file = await (from document in db.Set<DossierDocument>()
                          join content in db.DocumentContents on document.Id equals content.DocumentId
                          join dossier in visible on document.DossierId equals dossier.Id
                          where document.Id == documentId
                          select new { document.FileName, document.ContentType, content.Content }).FirstOrDefaultAsync(cancellationToken);
        if (file is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Pièce introuvable.");
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(statusCode: status, title: InvalidFile, detail: detail);
}
