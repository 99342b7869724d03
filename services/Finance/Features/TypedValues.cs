using System.Globalization;
using Opco.SharedKernel;

namespace Opco.Finance.Features;

/// <summary>Values people type in a query string or a form, read with a French message on the field when they are not.</summary>
public static class TypedValues
{
    /// <summary>A day as AAAA-MM-JJ between 2000 and 2099; null when nothing was typed.</summary>
    public static DateOnly? Day(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= 2000 and <= 2099) return day;
        errors.Add(field, "Indiquez une date au format AAAA-MM-JJ, entre 2000 et 2099.");
        return null;
    }

    /// <summary>An amount or a number of hours as people type them: « 1 250,50 » or « 1250.50 »; null when nothing was typed.</summary>
    public static decimal? Number(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = text.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "").Replace("€", "").Replace(',', '.');
        if (decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return value;
        errors.Add(field, "Saisissez un nombre, par exemple 1 250,50.");
        return null;
    }
}
