namespace Opco.SharedKernel.Finance;

/// <summary>
/// The French label of each invoice status (domain.md, Factures), by the status's name as the API carries it, in the order an
/// invoice goes through them: shared by the finance service and the portal's screens.
/// </summary>
public static class InvoiceStatusLabels
{
    public static readonly IReadOnlyList<(string Status, string Label)> All =
    [
        ("Received", "Reçue"), ("UnderCheck", "En contrôle"), ("ApprovedForPayment", "Bon à payer"), ("Rejected", "Rejetée"), ("Paid", "Payée"),
    ];

    public static string Of(string status) =>
        All.FirstOrDefault(s => s.Status == status).Label ?? throw new ArgumentOutOfRangeException(nameof(status), status, "Not an invoice status.");
}
