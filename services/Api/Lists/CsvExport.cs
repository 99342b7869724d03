using System.Globalization;
using System.Text;

namespace Opco.Api.Lists;

/// <summary>
/// Every CSV export of the portal: UTF-8 with BOM, ';' between fields, decimal comma and JJ/MM/AAAA dates, so the file
/// opens as is in a French Excel. A field holding ';', a quote or a line break is quoted; one starting with = + - @ is
/// prefixed with an apostrophe so a spreadsheet never runs it as a formula.
/// </summary>
public static class CsvExport
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Build(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(';', header.Select(Field)).Append("\r\n");
        foreach (var row in rows) text.AppendJoin(';', row.Select(Value)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Value(object? value) => value switch
    {
        null => "",
        decimal amount => amount.ToString("0.00", French),
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        bool flag => flag ? "Oui" : "Non",
        IFormattable formattable => formattable.ToString(null, French),
        _ => Field(value.ToString() ?? ""),
    };

    private static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
