using Opco.SharedKernel.Documents;

namespace Opco.Dossier.Domain.Dossiers;

/// <summary>A piece of the dossier (devis, programme, convention, complément, certificat de réalisation); its bytes are kept apart.</summary>
public sealed class DossierDocument
{
    public const int FileNameMaxLength = DocumentFile.FileNameMaxLength;

    public Guid Id { get; private set; }
    public Guid DossierId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public Guid UploadedBy { get; private set; }
    public string UploadedByName { get; private set; } = "";

    private DossierDocument() { }

    internal static DossierDocument Of(Guid dossierId, DocumentKind kind, string fileName, string contentType, long size, Actor by,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), DossierId = dossierId, Kind = kind, FileName = fileName, ContentType = contentType, Size = size,
        UploadedAt = now, UploadedBy = by.UserId!.Value, UploadedByName = by.Name,
    };
}

/// <summary>The bytes of a <see cref="DossierDocument"/>, loaded only to download them.</summary>
public sealed class DossierDocumentContent
{
    public Guid DocumentId { get; private set; }
    public byte[] Content { get; private set; } = [];

    private DossierDocumentContent() { }

    public static DossierDocumentContent Of(Guid documentId, byte[] content) => new() { DocumentId = documentId, Content = content };
}
