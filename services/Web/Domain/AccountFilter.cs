using System.Globalization;
using System.Text;

namespace Opco.Web.Domain;

/// <summary>
/// An account's « Mouvements »: the days and kind they are filtered on and the page, as the finance service's query string.
/// Not a <see cref="ListFilter"/>: the ledger has no establishment, status, search words or sort (always newest first).
/// </summary>
public sealed class AccountFilter
{
    /// <summary>The kinds of movement, as money-api.md names them.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Kinds =
        [("Credit", "Crédit"), ("Commitment", "Engagement"), ("Adjustment", "Correction"), ("Release", "Libération"), ("Payment", "Règlement")];

    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Kind { get; set; }
    public int Page { get; set; } = 1;

    public string ToQuery() => $"page={Page}{Filters()}";

    /// <summary>The CSV holds every line the filters keep, whatever the page.</summary>
    public string ToExportQuery() => Filters().TrimStart('&');

    private string Filters()
    {
        var query = new StringBuilder();
        foreach (var (name, value) in new[] { ("from", Day(From)), ("to", Day(To)), ("kind", Kind) })
            if (!string.IsNullOrWhiteSpace(value)) query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        return query.ToString();
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
