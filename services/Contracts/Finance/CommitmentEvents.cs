namespace Opco.Contracts.Finance;

/// <summary>
/// An advisor accepted a dossier: finance is asked to reserve <paramref name="Amount"/> on the funding account (a company
/// account of <paramref name="Siren"/>, or a pooled source's envelope of <paramref name="Year"/>). Answered by
/// <see cref="CommitmentRecorded"/> or <see cref="CommitmentRefused"/>; asking twice for one dossier records it once.
/// </summary>
public sealed record CommitmentRequested(Guid DossierId, long DossierNumber, string Siren, string FundingKind, string FundingSource, int Year,
    decimal Amount, DateTimeOffset RequestedAt);

/// <summary>The commitment is in the ledger; <paramref name="Available"/> is what remains available for commitment.</summary>
public sealed record CommitmentRecorded(Guid DossierId, decimal Amount, decimal Available, DateTimeOffset RecordedAt);

/// <summary>The amount did not fit: <paramref name="Available"/> was all the account had available for commitment.</summary>
public sealed record CommitmentRefused(Guid DossierId, decimal Amount, decimal Available, DateTimeOffset RefusedAt);
