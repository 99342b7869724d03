namespace Opco.Dossier.Domain.Dossiers;

/// <summary>A piece of the dossier (devis, programme, convention, complément, certificat de réalisation); its bytes are kept apart.</summary>
public sealed class DossierDocument
{
    public const int FileNameMaxLength = 200;

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

/// <summary>What a file is, judged by its first bytes (a name or a declared type proves nothing): PDF, JPEG or PNG, at most 10 MB.</summary>
public static class DocumentFile
{
    public const long MaxSize = 10 * 1024 * 1024;
    public const string TooLarge = "Le fichier dépasse la taille maximale de 10 Mo.";
    public const string WrongType = "Le fichier doit être un PDF, une image JPEG ou une image PNG.";
    public const string Empty = "Le fichier est vide.";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The content type of these bytes, or null when they are none of the accepted kinds.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith(Pdf) ? "application/pdf"
        : content.StartsWith(Png) ? "image/png"
        : content.StartsWith(Jpeg) ? "image/jpeg"
        : null;

    /// <summary>The name as shown and downloaded: no folder, no control characters, at most 200 characters.</summary>
    public static string SafeName(string? fileName, string contentType)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/'))]);
        if (name.Length == 0) name = "piece" + (contentType switch { "application/pdf" => ".pdf", "image/png" => ".png", _ => ".jpg" });
        return name.Length > DossierDocument.FileNameMaxLength ? name[^DossierDocument.FileNameMaxLength..] : name;
    }
}
