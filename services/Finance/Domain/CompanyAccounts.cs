namespace Opco.Finance.Domain;

/// <summary>
/// The three accounts every company has (domain.md, Money), in the order "Mes comptes" shows them: each with the code its
/// page's address carries and the source a scheme names (« Plan obligatoire »…), which is the account's key.
/// </summary>
public static class CompanyAccounts
{
    public sealed record Account(string Code, string Source);

    public static readonly IReadOnlyList<Account> All =
    [
        new("versement-volontaire", "Versement Volontaire"),
        new("selection-defi", "Sélection DEFi"),
        new("plan-obligatoire", "Plan obligatoire"),
    ];

    public static Account? ByCode(string? code) => All.FirstOrDefault(a => a.Code == code);
}

public static class LedgerLabels
{
    public static string Of(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Credit => "Crédit",
        LedgerEntryKind.Commitment => "Engagement",
        LedgerEntryKind.Adjustment => "Correction",
        LedgerEntryKind.Release => "Libération",
        LedgerEntryKind.Payment => "Règlement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(LedgerCause cause) => cause switch
    {
        LedgerCause.Allocation => "Dotation de l'OPCO",
        LedgerCause.CashReceipt => "Versement encaissé",
        LedgerCause.Correction => "Correction",
        LedgerCause.Dossier => "Dossier de prise en charge",
        LedgerCause.ProfessionalisationContract => "Contrat de professionnalisation",
        _ => throw new ArgumentOutOfRangeException(nameof(cause)),
    };

    /// <summary>Who or what made the line: OPCO staff, or the decision on a dossier or contract through finance.</summary>
    public static string RecordedBy(Guid? by) => by is null ? "Service financier de l'OPCO (décision sur le dossier)" : "Gestion des comptes de l'OPCO";
}
