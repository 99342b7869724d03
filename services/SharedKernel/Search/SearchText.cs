using System.Globalization;
using System.Text;

namespace Opco.SharedKernel.Search;

/// <summary>
/// The form in which names are stored for search and in which queries are compared to them: lower case, without
/// accents or ligatures, letters and digits only, single spaces. "Électricité Générale d'Anjou" and "electricite
/// generale d anjou" are the same text. Done here rather than with PostgreSQL's unaccent(), which is not immutable and
/// so cannot feed an index; stored and queried text go through this one function.
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var replacement = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                'ß' => "ss",
                _ when char.IsLetterOrDigit(c) => char.ToLowerInvariant(c).ToString(),
                _ => null,
            };
            if (replacement is null)
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace) result.Append(' ');
            pendingSpace = false;
            result.Append(replacement);
        }
        return result.ToString();
    }

    /// <summary>What a query may be besides a name: the digits of a SIREN (9) or SIRET (14), spaces and dots allowed.</summary>
    public static string? Digits(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var kept = new string([.. query.Where(c => c is not (' ' or '.' or '\u00A0'))]);
        return kept.Length > 0 && kept.All(char.IsAsciiDigit) ? kept : null;
    }
}
