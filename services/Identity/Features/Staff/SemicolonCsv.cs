using System.Text;

namespace Opco.Identity.Features.Staff;

/// <summary>
/// The CSV that French spreadsheets export: ';' between fields, fields in double quotes when they contain ';',
/// quotes or line breaks ("" inside quotes is a quote). The first line names the columns, case-insensitively.
/// </summary>
public static class SemicolonCsv
{
    public static List<Dictionary<string, string>> Parse(string text)
    {
        var lines = Records(text.TrimStart('\uFEFF')).Where(r => r.Any(f => f.Length > 0)).ToList();
        if (lines.Count == 0) return [];
        var header = lines[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        // Spreadsheets add empty columns (";;") at the end; a name that appears twice is a broken file.
        while (header.Count > 0 && header[^1].Length == 0) header.RemoveAt(header.Count - 1);
        if (header.Any(h => h.Length == 0) || header.Distinct().Count() != header.Count)
            throw new FormatException("La première ligne doit nommer chaque colonne une seule fois.");
        return lines.Skip(1)
            .Select(fields => header.Select((name, i) => (name, value: i < fields.Count ? fields[i].Trim() : ""))
                .ToDictionary(x => x.name, x => x.value, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ';') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
