using System.Globalization;
using Opco.SharedKernel.Dossiers;
using Opco.Web.Api;

namespace Opco.Web.Domain;

/// <summary>
/// The contrats de professionnalisation's codes in French (contract-api.md), the dossier badge each status wears, and what
/// a status lets the company do.
/// </summary>
public static class ContractLabels
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The statuses a list is filtered on; « décision en cours d'enregistrement » is a moment of En instruction, as for dossiers.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
        [.. new[] { "Draft", "Transmitted", "UnderReview", "Accepted", "Refused", "InProgress", "Terminated", "Finished", "Superseded" }
            .Select(s => (s, ContractStatusLabels.Of(s)))];

    public static readonly IReadOnlyList<(string Code, string Label)> Kinds = [("FixedTerm", "CDD"), ("Permanent", "CDI")];

    /// <summary>The types a contract is entered with (an avenant, 5, is declared from its contract).</summary>
    public static readonly IReadOnlyList<(int Type, string Label)> Types = [.. ContractTypeLabels.Entered.Select(t => (t, ContractTypeLabels.Of(t)))];

    public static readonly IReadOnlyList<(string Code, string Label)> QualificationKinds = [("Rncp", "RNCP"), ("Cqp", "CQP")];

    /// <summary>The pieces of step 6, by the kind the API takes.</summary>
    public static readonly IReadOnlyList<(string Kind, string Label)> Documents =
        [("signedContract", "Contrat signé"), ("programme", "Programme de formation")];

    /// <summary>The badge of the dossier status that means the same to the company (the portal's CSS has one set of badges).</summary>
    public static string Badge(string status) => "status status-" + status switch
    {
        "Transmitted" => "transmissionrequested",
        "UnderReview" or "AcceptancePending" => "underreview",
        "Accepted" => "accepted",
        "InProgress" => "completed",
        "Finished" => "settled",
        "Refused" => "refused",
        "Terminated" => "cancelled",
        "Superseded" => "settled",
        _ => "draft",
    };

    /// <summary>The OPCO has 20 days from the transmission to decide.</summary>
    public static bool AwaitsDecision(string status) => status is "Transmitted" or "UnderReview";

    /// <summary>A contract taken in charge, before or after its start: the company may declare a rupture or an avenant.</summary>
    public static bool IsRunning(string status) => status is "Accepted" or "InProgress";

    /// <summary>« Décision attendue avant le JJ/MM/AAAA » while the OPCO has to decide, nothing otherwise.</summary>
    public static string? DecisionDue(ContractView contract) =>
        !AwaitsDecision(contract.Status) ? null
        : contract.DecisionDueText ?? (contract.DecisionDueOn is { } due ? $"Décision attendue avant le {Labels.Date(due)}" : null);

    /// <summary>« 55 % du SMIC à 19 ans, soit au moins 1 000,00 € bruts par mois ».</summary>
    public static string MinimumPay(ContractPay pay) =>
        $"{(pay.MinimumRate * 100).ToString("0.##", French)} % du SMIC à {pay.AgeAtStart} ans, soit au moins {Labels.Euros(pay.MinimumMonthly)} bruts par mois";

    /// <summary>« Contrat initial », or « Avenant au contrat n° 12 » when it amends one.</summary>
    public static string Type(string typeLabel, long? amendsNumber) =>
        amendsNumber is { } amended ? $"{typeLabel} au contrat n° {amended}" : typeLabel;
}
