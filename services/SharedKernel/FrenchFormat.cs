using System.Globalization;

namespace Opco.SharedKernel;

/// <summary>Numbers and dates as French users read them in messages: « 1 234,50 € », « 03/12/2026 ».</summary>
public static class FrenchFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Euros(decimal amount) => amount.ToString("#,##0.00", French) + " €";

    /// <summary>« 35 h », « 1 252,50 h ».</summary>
    public static string Hours(decimal hours) => hours.ToString("#,##0.##", French) + " h";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
