using Opco.SharedKernel.Finance;

namespace Opco.Web.Domain;

/// <summary>The invoices' lists: the establishment and status they are filtered on, their sort and page.</summary>
public sealed class InvoiceFilter() : ListFilter("submittedAt")
{
    public static IReadOnlyList<(string Status, string Label)> Statuses => InvoiceStatusLabels.All;

    protected override IEnumerable<(string Name, string? Value)> Filters() => [("siret", Siret), ("status", Status)];
}
