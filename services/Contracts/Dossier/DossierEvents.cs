namespace Opco.Contracts.Dossier;

/// <summary>
/// A dossier moved from one status to another (the names of domain.md's table: Draft, TransmissionRequested,
/// UnderReview…). <paramref name="Reason"/> is the refusal, cancellation or documents list the user typed.
/// </summary>
public sealed record DossierStatusChanged(Guid DossierId, long Number, string Siret, string? Title, string From, string To, string? Reason,
    DateTimeOffset ChangedAt);

/// <summary>The pieces an advisor asked for are still missing 15 days later; their deadline is <paramref name="DueOn"/>.</summary>
public sealed record DossierDocumentsReminderDue(Guid DossierId, long Number, string Siret, string? Title, DateOnly DueOn, DateTimeOffset At);

/// <summary>
/// A contrat de professionnalisation moved (Draft, Transmitted, UnderReview, AcceptancePending, Accepted, Refused,
/// InProgress, Terminated, Finished). No trainee's name or pay: the number and the establishment say which it is.
/// </summary>
public sealed record ContractStatusChanged(Guid ContractId, long Number, string Siret, int ContractType, string From, string To, string? Reason,
    DateTimeOffset ChangedAt);

/// <summary>
/// A dossier's funding was granted (the end of its acceptance saga): what finance needs to receive its invoices and pay them.
/// <paramref name="DirectPayment"/>: subrogation, the OPCO pays the training provider; otherwise the company is reimbursed.
/// The provider's IBAN travels only masked (<paramref name="ProviderMaskedIban"/>, « FR76 •••• •••• 1234 »: country, check
/// digits and the last four, what every screen shows; not enough to pay or debit anyone), never in clear.
/// <paramref name="ProviderIbanChangedAt"/> and <paramref name="ProviderIbanChangedBy"/>: the <see cref="TrainingProviderIbanChanged"/>
/// that IBAN comes from (none: the one the provider was added with), so that finance can tell which of the grant and a change
/// is newer, and who may not pay it.
/// </summary>
public sealed record DossierFundingGranted(Guid DossierId, long Number, string Siret, string SchemeCode, string? Title, decimal GrantedAmount,
    decimal Hours, DateOnly StartDate, DateOnly EndDate, bool DirectPayment, string? ProviderSiret, string? ProviderName, string? ProviderMaskedIban,
    DateTimeOffset GrantedAt, DateTimeOffset? ProviderIbanChangedAt = null, Guid? ProviderIbanChangedBy = null);

/// <summary>
/// An OPCO administrator (<paramref name="ChangedBy"/>, who may then not pay the provider) recorded a training provider's IBAN,
/// the one its subrogation payments go to. Only masked (<paramref name="MaskedIban"/>, as in <see cref="DossierFundingGranted"/>);
/// <paramref name="ChangedAt"/> orders two changes.
/// </summary>
public sealed record TrainingProviderIbanChanged(Guid ProviderId, string ProviderSiret, string MaskedIban, DateTimeOffset ChangedAt, Guid ChangedBy);
