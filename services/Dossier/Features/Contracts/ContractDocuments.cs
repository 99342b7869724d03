using Opco.SharedKernel.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Domain.Dossiers;
using Opco.Dossier.Features.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Contracts;

/// <summary>
/// The pieces of a contract (signed contract, programme): the file is the request body (its name in <c>fileName</c>),
/// its type judged by its content as for dossiers; over 10 MB or of another type, a French 4xx and nothing stored.
/// </summary>
public static class ContractDocuments
{
    public static RouteGroupBuilder MapContractDocuments(this RouteGroupBuilder contracts, RouteGroupBuilder readers)
    {
        contracts.MapPost("/{id:guid}/documents", UploadAsync)
            .Accepts<byte[]>("application/pdf", "image/jpeg", "image/png", "application/octet-stream")
            .WithName("UploadContractDocument")
            .WithSummary("Adds a piece (kind: signedContract, programme); PDF, JPEG or PNG, 10 MB at most.");
        contracts.MapDelete("/{id:guid}/documents/{documentId:guid}", RemoveAsync).WithName("RemoveContractDocument")
            .WithSummary("Removes a piece while the contract is a draft.");
        readers.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadAsync).WithName("DownloadContractDocument")
            .WithSummary("Downloads a piece of the contract.");
        return contracts;
    }

    public static async Task<Results<Created<ContractView.DocumentPart>, ProblemHttpResult>> UploadAsync(string siret, Guid id, string? kind,
        string? fileName, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!EnumCodes.TryParse<ContractDocumentKind>(kind, out var documentKind))
            return Problem(StatusCodes.Status400BadRequest, "Indiquez le type de pièce : contrat signé ou programme de formation.");
        var content = await RequestBodies.ReadAtMostAsync(http.Request, DocumentFile.MaxSize, cancellationToken);
        if (content is null) return Problem(StatusCodes.Status413PayloadTooLarge, DocumentFile.TooLarge);
        if (content.Length == 0) return Problem(StatusCodes.Status400BadRequest, DocumentFile.Empty);
        if (DocumentFile.ContentTypeOf(content) is not { } contentType) return Problem(StatusCodes.Status415UnsupportedMediaType, DocumentFile.WrongType);

        var contract = await ContractStore.LoadAsync(db, siret, id, cancellationToken);
        if (contract is null) return ContractStore.NotFound();
        var refusal = contract.AddDocument(documentKind, DocumentFile.SafeName(fileName, contentType), contentType, content.Length,
            DossierStore.ActorOf(http.User), time.GetUtcNow(), out var document);
        if (refusal is not null) return ContractStore.Refused(refusal);
        db.ContractDocumentContents.Add(ContractDocumentContent.Of(document!.Id, content));
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return ContractStore.ChangedMeanwhile();
        return TypedResults.Created($"/api/dossier/establishments/{contract.Siret}/contracts/{contract.Id}/documents/{document.Id}",
            new ContractView.DocumentPart(document.Id, document.Kind.ToString(), ContractLabels.Of(document.Kind), document.FileName,
                document.ContentType, document.Size, document.UploadedAt, document.UploadedByName));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string siret, Guid id, Guid documentId, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var contract = await ContractStore.LoadAsync(db, siret, id, cancellationToken);
        if (contract is null) return ContractStore.NotFound();
        var refusal = contract.RemoveDocument(documentId, time.GetUtcNow());
        if (refusal is not null) return ContractStore.Refused(refusal);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return ContractStore.ChangedMeanwhile();
        return TypedResults.NoContent();
    }

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(string siret, Guid id, Guid documentId, DossierDbContext db,
        CancellationToken cancellationToken)
    {
        var key = SiretKey.Of(siret);
        return FileAsync(db, documentId, db.Contracts.Where(c => c.Id == id && c.Siret == key), cancellationToken);
    }

    /// <summary>A piece's bytes, when it belongs to one of the <paramref name="visible"/> contracts.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(DossierDbContext db, Guid documentId,
        IQueryable<ProfessionalisationContract> visible, CancellationToken cancellationToken)
    {
        var file = await (from document in db.Set<ContractDocument>()
                          join content in db.ContractDocumentContents on document.Id equals content.DocumentId
                          join contract in visible on document.ContractId equals contract.Id
                          where document.Id == documentId
                          select new { document.FileName, document.ContentType, content.Content }).FirstOrDefaultAsync(cancellationToken);
        if (file is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Pièce introuvable.");
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: DossierDocuments.InvalidFile, detail: detail);
}
