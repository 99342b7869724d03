namespace Opco.SharedKernel.Documents;

/// <summary>What a file is, judged by its first bytes (a name or a declared type proves nothing): PDF, JPEG or PNG, at most 10 MB.</summary>
public static class DocumentFile
{
    public const long MaxSize = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 200;
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
        return name.Length > FileNameMaxLength ? name[^FileNameMaxLength..] : name;
    }
}
