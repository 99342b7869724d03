using Opco.SharedKernel.Finance;

namespace Opco.Finance.Domain.Invoices;

/// <summary>Reçue → En contrôle → Bon à payer / Rejetée (reason) → Payée (domain.md, Factures).</summary>
public enum InvoiceStatus
{
    Received,
    UnderCheck,
    ApprovedForPayment,
    Rejected,
    Paid,
}

/// <summary>Who moves an invoice: the company submits it, an advisor checks it, an administrator pays it.</summary>
public enum InvoiceActor
{
    Company,
    Advisor,
    Administrator,
}

public enum InvoiceIssuer
{
    /// <summary>The training provider, paid directly by the OPCO (subrogation).</summary>
    TrainingProvider,
    /// <summary>The company, reimbursed.</summary>
    Company,
}

public static class InvoiceStatuses
{
    /// <summary>Every allowed move and who makes it; anything else is refused.</summary>
    public static readonly IReadOnlyList<(InvoiceStatus From, InvoiceStatus To, InvoiceActor By)> Transitions =
    [
        (InvoiceStatus.Received, InvoiceStatus.UnderCheck, InvoiceActor.Advisor),
        (InvoiceStatus.UnderCheck, InvoiceStatus.ApprovedForPayment, InvoiceActor.Advisor),
        (InvoiceStatus.UnderCheck, InvoiceStatus.Rejected, InvoiceActor.Advisor),
        (InvoiceStatus.ApprovedForPayment, InvoiceStatus.Paid, InvoiceActor.Administrator),
    ];

    public static bool Allows(InvoiceStatus from, InvoiceStatus to, InvoiceActor by) => Transitions.Contains((from, to, by));

    public static string Label(InvoiceStatus status) => InvoiceStatusLabels.Of(status.ToString());

    /// <summary>Still waiting for a check, a decision or a payment: a dossier is not settled over them.</summary>
    public static readonly InvoiceStatus[] Pending = [InvoiceStatus.Received, InvoiceStatus.UnderCheck, InvoiceStatus.ApprovedForPayment];
}

public static class InvoiceIssuers
{
    public static string Label(InvoiceIssuer issuer) => issuer switch
    {
        InvoiceIssuer.TrainingProvider => "Organisme de formation (subrogation)",
        _ => "Entreprise (remboursement)",
    };
}
