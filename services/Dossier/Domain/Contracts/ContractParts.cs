using Opco.Dossier.Domain.Dossiers;

namespace Opco.Dossier.Domain.Contracts;

/// <summary>One move of the contract, kept for its timeline: who, when, from, to and why.</summary>
public sealed class ContractHistoryEntry
{
    public long Id { get; private set; }
    public Guid ContractId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ById { get; private set; }
    public string ByName { get; private set; } = "";
    public ContractStatus? From { get; private set; }
    public ContractStatus To { get; private set; }
    public string? Reason { get; private set; }

    private ContractHistoryEntry() { }

    internal static ContractHistoryEntry Of(Guid contractId, DateTimeOffset at, Actor by, ContractStatus? from, ContractStatus to, string? reason) =>
        new() { ContractId = contractId, At = at, ById = by.UserId, ByName = by.Name, From = from, To = to, Reason = reason };
}

/// <summary>A piece of the contract (the signed contract, the programme); its bytes are kept apart.</summary>
public sealed class ContractDocument
{
    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public ContractDocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public Guid UploadedBy { get; private set; }
    public string UploadedByName { get; private set; } = "";

    private ContractDocument() { }

    internal static ContractDocument Of(Guid contractId, ContractDocumentKind kind, string fileName, string contentType, long size, Actor by,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), ContractId = contractId, Kind = kind, FileName = fileName, ContentType = contentType, Size = size,
        UploadedAt = now, UploadedBy = by.UserId!.Value, UploadedByName = by.Name,
    };
}

/// <summary>The bytes of a <see cref="ContractDocument"/>, loaded only to download them.</summary>
public sealed class ContractDocumentContent
{
    public Guid DocumentId { get; private set; }
    public byte[] Content { get; private set; } = [];

    private ContractDocumentContent() { }

    public static ContractDocumentContent Of(Guid documentId, byte[] content) => new() { DocumentId = documentId, Content = content };
}
