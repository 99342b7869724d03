using Opco.SharedKernel;

namespace Opco.Dossier.Domain;

/// <summary>A gross hourly wage in euros from a date on ("Gérer le salaire horaire"); never changed once recorded.</summary>
public sealed class HourlyWage
{
    /// <summary>Far above any real hourly wage: a typo such as a monthly amount is caught.</summary>
    public const decimal Maximum = 1_000m;

    public long Id { get; private set; }
    public Guid EmployeeId { get; private set; }
    public DateOnly AppliesFrom { get; private set; }
    public decimal HourlyGross { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private HourlyWage() { }

    internal static HourlyWage Of(Guid employeeId, DateOnly appliesFrom, decimal hourlyGross, Guid by, DateTimeOffset now) =>
        new() { EmployeeId = employeeId, AppliesFrom = appliesFrom, HourlyGross = hourlyGross, RecordedBy = by, RecordedAt = now };

    /// <summary>Euros and cents, above zero, at most <see cref="Maximum"/>.</summary>
    public static void Check(decimal? hourlyGross, FieldErrors errors)
    {
        if (hourlyGross is not { } amount) errors.Add("hourlyGross", "Le salaire horaire brut est obligatoire.");
        else if (amount <= 0 || amount > Maximum)
            errors.Add("hourlyGross", $"Le salaire horaire brut doit être compris entre 0,01 € et {Maximum:# ##0} €.");
        else if (decimal.Round(amount, 2) != amount) errors.Add("hourlyGross", "Le salaire horaire brut s'exprime en euros et centimes (2 décimales au plus).");
    }
}
