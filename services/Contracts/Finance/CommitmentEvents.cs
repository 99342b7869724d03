namespace Opco.Contracts.Finance;

/// <summary>
/// An acceptance asks finance to reserve <paramref name="Amount"/> on the funding account (a company account of
/// <paramref name="Siren"/>, or a pooled source's envelope of <paramref name="Year"/>) for its cause: a funding dossier
/// (<paramref name="Cause"/> "Dossier") or a contrat de professionnalisation ("ProfessionalisationContract"), of id
/// <paramref name="CauseId"/> and number <paramref name="CauseNumber"/>. A <paramref name="Binding"/> request (a
/// contract accepted by silence: the law decides, not the envelope) is recorded even beyond what is available.
/// Answered by <see cref="CommitmentRecorded"/> or <see cref="CommitmentRefused"/>; asking twice for one cause records it once.
/// </summary>
public sealed record CommitmentRequested(Guid CauseId, long CauseNumber, string Cause, string Siren, string FundingKind, string FundingSource, int Year,
    decimal Amount, bool Binding, DateTimeOffset RequestedAt);

/// <summary>The commitment is in the ledger; <paramref name="Available"/> is what remains available for commitment.</summary>
public sealed record CommitmentRecorded(Guid CauseId, decimal Amount, decimal Available, DateTimeOffset RecordedAt);

/// <summary>The amount did not fit: <paramref name="Available"/> was all the account had available for commitment.</summary>
public sealed record CommitmentRefused(Guid CauseId, decimal Amount, decimal Available, DateTimeOffset RefusedAt);

/// <summary>The causes a <see cref="CommitmentRequested"/> names.</summary>
public static class CommitmentCauses
{
    public const string Dossier = "Dossier";
    public const string Contract = "ProfessionalisationContract";
}

/// <summary>
/// A line entered an account's ledger (Credit, Commitment, Release, Payment, Adjustment), for the notifications and the
/// home page: the account, the company whose money it is (<paramref name="Siren"/>, when known), the signed-by-kind
/// amount as recorded, and its cause (Allocation, CashReceipt, Correction, Dossier, ProfessionalisationContract).
/// </summary>
public sealed record LedgerEntryRecorded(Guid AccountId, string? Siren, string Kind, decimal Amount, string Cause, Guid? CauseId, DateTimeOffset RecordedAt);
