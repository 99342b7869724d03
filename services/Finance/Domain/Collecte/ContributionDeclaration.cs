using Opco.SharedKernel;

namespace Opco.Finance.Domain.Collecte;

public enum DeclarationStatus
{
    /// <summary>Brouillon.</summary>
    Draft,
    /// <summary>Déclarée: the amount is due by 1 March.</summary>
    Declared,
    /// <summary>Payée: OPCO staff recorded the payment.</summary>
    Paid,
    /// <summary>En retard: declared, still unpaid after its due date.</summary>
    Late,
}

/// <summary>
/// One line of the branch's rate table (data, seeded by migration): the average headcount band [From, To) the rate
/// applies to, the rate on the previous year's gross payroll, and the minimum amount due.
/// </summary>
public sealed class ContributionRate
{
    public string BandCode { get; private set; } = "";
    public string Label { get; private set; } = "";
    public decimal FromHeadcount { get; private set; }
    /// <summary>Excluded; null for the last band.</summary>
    public decimal? ToHeadcount { get; private set; }
    /// <summary>A fraction: 0.0020 is 0,20 %.</summary>
    public decimal Rate { get; private set; }
    public decimal Minimum { get; private set; }

    private ContributionRate() { }

    public ContributionRate(string bandCode, string label, decimal fromHeadcount, decimal? toHeadcount, decimal rate, decimal minimum) =>
        (BandCode, Label, FromHeadcount, ToHeadcount, Rate, Minimum) = (bandCode, label, fromHeadcount, toHeadcount, rate, minimum);

    public bool Covers(decimal headcount) => headcount >= FromHeadcount && (ToHeadcount is null || headcount < ToHeadcount);

    /// <summary>Rate × base, rounded to the cent, never below the band's minimum.</summary>
    public decimal AmountDue(decimal payroll) => Math.Max(Computed(payroll, Rate), Minimum);

    /// <summary>Rate × base, rounded to the cent, before the minimum.</summary>
    public static decimal Computed(decimal payroll, decimal rate) => decimal.Round(payroll * rate, 2, MidpointRounding.AwayFromZero);

    /// <summary>The band an average headcount falls in; null when the table has none for it.</summary>
    public static ContributionRate? For(IEnumerable<ContributionRate> table, decimal headcount) => table.FirstOrDefault(r => r.Covers(headcount));
}

public sealed record DeclarationForm(int? Year, decimal? AverageHeadcount, decimal? Payroll);

/// <summary>
/// « Déclarer les contributions formations »: the branch (conventional) contribution of a company for a year, from its
/// average headcount and the previous year's gross payroll through the rate table; due by 1 March of the year. One per
/// company and year.
/// </summary>
public sealed class ContributionDeclaration
{
    public const decimal MaxPayroll = 10_000_000_000m;
    public const decimal MaxHeadcount = 1_000_000m;

    public Guid Id { get; private set; }
    public string Siren { get; private set; } = "";
    public string Siret { get; private set; } = "";
    public int Year { get; private set; }
    public decimal AverageHeadcount { get; private set; }
    public decimal Payroll { get; private set; }
    public string BandCode { get; private set; } = "";
    public string BandLabel { get; private set; } = "";
    public decimal Rate { get; private set; }
    public decimal Minimum { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DeclarationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeclaredAt { get; private set; }
    public Guid? DeclaredBy { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public Guid? PaymentRecordedBy { get; private set; }

    private ContributionDeclaration() { }

    /// <summary>Rate × base fell below the band's minimum: the minimum is due.</summary>
    public bool MinimumApplied => ContributionRate.Computed(Payroll, Rate) < Minimum;

    /// <summary>The contribution of a year is due by 1 March of that year.</summary>
    public static DateOnly DueDateOf(int year) => new(year, 3, 1);

    /// <summary>Companies that have not declared are reminded 15 days before the due date.</summary>
    public static DateOnly ReminderDateOf(int year) => DueDateOf(year).AddDays(-15);

    public static (ContributionDeclaration? Declaration, FieldErrors Errors) Draft(string siret, DeclarationForm form, IReadOnlyList<ContributionRate> table,
        DateOnly today, DateTimeOffset now)
    {
        var declaration = new ContributionDeclaration { Id = Guid.CreateVersion7(now), Siren = siret[..9], Siret = siret, CreatedAt = now, Status = DeclarationStatus.Draft };
        var errors = declaration.Fill(form, table, today);
        return errors.IsEmpty ? (declaration, errors) : (null, errors);
    }

    /// <summary>A draft's figures entered again; its year stays.</summary>
    public FieldErrors Update(DeclarationForm form, IReadOnlyList<ContributionRate> table, DateOnly today)
    {
        if (Status != DeclarationStatus.Draft)
            return new FieldErrors().Add("status", $"La déclaration est « {DeclarationLabels.Of(Status)} » : seul un brouillon peut être modifié.");
        return Fill(form with { Year = Year }, table, today);
    }

    private FieldErrors Fill(DeclarationForm form, IReadOnlyList<ContributionRate> table, DateOnly today)
    {
        var errors = new FieldErrors();
        if (form.Year is not { } year || year < today.Year - 1 || year > today.Year)
            errors.Add("year", $"L'année de contribution est {today.Year} (ou {today.Year - 1} pour une déclaration en retard).");
        ContributionRate? band = null;
        if (form.AverageHeadcount is not { } headcount || headcount < 0) errors.Add("averageHeadcount", "Indiquez l'effectif moyen de l'entreprise (0 ou plus).");
        else if (decimal.Round(headcount, 2) != headcount) errors.Add("averageHeadcount", "L'effectif moyen s'exprime avec deux décimales au plus.");
        else if (headcount > MaxHeadcount) errors.Add("averageHeadcount", "L'effectif moyen ne doit pas dépasser 1 000 000 salariés.");
        else if ((band = ContributionRate.For(table, headcount)) is null) errors.Add("averageHeadcount", "Aucune tranche d'effectif ne correspond à cet effectif.");
        if (form.Payroll is not { } payroll || payroll < 0) errors.Add("payroll", "Indiquez la masse salariale brute de l'année précédente (0 € ou plus).");
        else if (decimal.Round(payroll, 2) != payroll) errors.Add("payroll", "La masse salariale s'exprime en euros et centimes (deux décimales au plus).");
        else if (payroll > MaxPayroll) errors.Add("payroll", "La masse salariale ne doit pas dépasser 10 000 000 000 €.");
        if (!errors.IsEmpty) return errors;
        (Year, AverageHeadcount, Payroll, DueOn) = (form.Year!.Value, form.AverageHeadcount!.Value, form.Payroll!.Value, DueDateOf(form.Year.Value));
        (BandCode, BandLabel, Rate, Minimum, Amount) = (band!.BandCode, band.Label, band.Rate, band.Minimum, band.AmountDue(Payroll));
        return errors;
    }

    /// <summary>Brouillon → Déclarée, or straight « En retard » when declared after the due date; false when not a draft.</summary>
    public bool Declare(Guid by, DateOnly today, DateTimeOffset now)
    {
        if (Status != DeclarationStatus.Draft) return false;
        (Status, DeclaredAt, DeclaredBy) = (today > DueOn ? DeclarationStatus.Late : DeclarationStatus.Declared, now, by);
        return true;
    }

    /// <summary>Declared and still unpaid after its due date: « En retard ». False when not due.</summary>
    public bool MarkLateIfUnpaid(DateOnly today)
    {
        if (Status != DeclarationStatus.Declared || today <= DueOn) return false;
        Status = DeclarationStatus.Late;
        return true;
    }

    /// <summary>OPCO staff received the payment: « Payée », once (<c>AlreadyPaid</c> tells a repeat).</summary>
    public (bool AlreadyPaid, FieldErrors Errors) RecordPayment(DateOnly? paidOn, Guid by, DateOnly today)
    {
        var errors = new FieldErrors();
        if (Status == DeclarationStatus.Paid) return (true, errors);
        if (Status == DeclarationStatus.Draft) errors.Add("status", "Cette déclaration est un brouillon : elle n'a pas encore été déclarée.");
        var day = paidOn ?? today;
        if (day > today) errors.Add("paidOn", "La date de paiement ne peut pas être dans le futur.");
        if (!errors.IsEmpty) return (false, errors);
        (Status, PaidOn, PaymentRecordedBy) = (DeclarationStatus.Paid, day, by);
        return (false, errors);
    }
}

/// <summary>A contribution year: opened (companies called to declare) once, reminded once before its due date.</summary>
public sealed class ContributionCampaign
{
    public int Year { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }

    private ContributionCampaign() { }

    public static ContributionCampaign Open(int year, DateTimeOffset now) => new() { Year = year, OpenedAt = now };

    /// <summary>Reminder due from 15 days before the due date until the due date itself, once.</summary>
    public bool IsReminderDue(DateOnly today) =>
        RemindedAt is null && today >= ContributionDeclaration.ReminderDateOf(Year) && today <= ContributionDeclaration.DueDateOf(Year);

    public void MarkReminded(DateTimeOffset now) => RemindedAt = now;
}

public static class DeclarationLabels
{
    public static string Of(DeclarationStatus status) => status switch
    {
        DeclarationStatus.Draft => "Brouillon",
        DeclarationStatus.Declared => "Déclarée",
        DeclarationStatus.Paid => "Payée",
        DeclarationStatus.Late => "En retard",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
