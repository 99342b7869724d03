using Opco.SharedKernel.Dossiers;

namespace Opco.Web.Domain;

/// <summary>"Mes dossiers": the filters and the sort of the list, with the scheme.</summary>
public sealed class DossierFilter : ListFilter
{
    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
        [.. new[] { "Draft", "TransmissionRequested", "UnderReview", "AwaitingDocuments", "Accepted", "Refused", "Completed", "Settled", "Cancelled" }
            .Select(s => (s, DossierStatusLabels.Of(s)))];

    public string? Scheme { get; set; }

    protected override IEnumerable<(string Name, string? Value)> Filters() =>
        [("siret", Siret), ("status", Status), ("scheme", Scheme), ("search", Search)];
}
