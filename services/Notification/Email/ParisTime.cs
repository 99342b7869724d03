using System.Globalization;

namespace Opco.Notification.Email;

/// <summary>Dates in e-mails are shown as the user reads them: Paris time, French format.</summary>
public static class ParisTime
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Paris).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.GetCultureInfo("fr-FR"));
}
