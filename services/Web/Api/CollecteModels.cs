namespace Opco.Web.Api;

// The collecte as the finance service answers it: IBANs only ever masked; amounts in euros to the cent; days as dates.

public sealed record MandateSummary(Guid Id, string Reference, string Scheme, string SchemeLabel, string MaskedIban, string Bic, string DebtorName,
    string Status, string StatusLabel, DateOnly? SignedOn, DateOnly? LapsesOn);

public sealed record MandateHistoryLine(DateTimeOffset At, string Status, string StatusLabel, string What, string MaskedIban);

public sealed record MandateDetail(Guid Id, string Reference, string Siren, string Siret, string Scheme, string SchemeLabel, string MaskedIban, string Bic,
    string DebtorName, string? Signatory, DateOnly? SignedOn, string Status, string StatusLabel, DateOnly? ActivatedOn, DateOnly? LastUsedOn,
    DateOnly? LapsesOn, DateTimeOffset CreatedAt, IReadOnlyList<MandateHistoryLine> History)
{
    public bool IsEnded => Status is "Revoked" or "Lapsed";
}

public sealed record AdminMandate(Guid Id, string Reference, string Siren, string Siret, string DebtorName, string MaskedIban, string Bic,
    string? Signatory, DateOnly? SignedOn, string Status, string StatusLabel);

public sealed class MandateForm
{
    public string Scheme { get; set; } = "B2B";
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public string? DebtorName { get; set; }
    public string? Signatory { get; set; }
    public DateOnly? SignedOn { get; set; }
}

public sealed class MandateSignature
{
    public string? Signatory { get; set; }
    public DateOnly? SignedOn { get; set; }
}

public sealed class MandateAmendment
{
    public string? Iban { get; set; }
    public string? Bic { get; set; }
}

public sealed record Instalment(Guid Id, int Rank, DateOnly DueOn, decimal Amount, string Status, string StatusLabel, DateOnly? CashedOn);

public sealed record CallForFunds(Guid Id, string Reference, string Siren, string Siret, string AccountCode, string AccountLabel, decimal Amount,
    string Method, string MethodLabel, string? MandateReference, string Status, string StatusLabel, DateTimeOffset CreatedAt,
    IReadOnlyList<Instalment> Instalments);

public sealed record CashRecorded(CallForFunds Call, bool AlreadyRecorded, decimal AvailableForCommitment);

public sealed class VoluntaryContributionForm
{
    public string AccountCode { get; set; } = "versement-volontaire";
    public decimal? Amount { get; set; }
    public int? Instalments { get; set; } = 1;
    public string? Method { get; set; }
    public DateOnly? FirstDueOn { get; set; }
}

public sealed record ContributionRate(string BandCode, string Label, decimal FromHeadcount, decimal? ToHeadcount, decimal Rate, decimal Minimum);

public sealed record ContributionDeclaration(Guid Id, string Siren, string Siret, int Year, decimal AverageHeadcount, decimal Payroll, string BandCode,
    string BandLabel, decimal Rate, decimal Minimum, decimal Amount, bool MinimumApplied, DateOnly DueOn, string Status, string StatusLabel,
    DateTimeOffset? DeclaredAt, DateOnly? PaidOn);

public sealed class ContributionForm
{
    public int? Year { get; set; }
    public decimal? AverageHeadcount { get; set; }
    public decimal? Payroll { get; set; }
    public bool Declare { get; set; }
}
