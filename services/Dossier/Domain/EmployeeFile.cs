using System.Globalization;
using System.Text;
using Opco.SharedKernel;
using Opco.SharedKernel.People;

namespace Opco.Dossier.Domain;

/// <summary>One line of an employee file, read into the form every employee goes through, with its wage columns if any.</summary>
public sealed record EmployeeLine(int Number, EmployeeForm Form, DateOnly? WageFrom, decimal? HourlyGross, bool HasWage);

/// <summary>A line's problem, with the column it concerns when there is one.</summary>
public sealed record LineError(int Line, string? Column, string Message);

/// <summary>
/// "Import par fichier" (seed 004, domain.md): CSV in UTF-8 with ';' between fields, a header line naming the columns
/// (in any order), dates as JJ/MM/AAAA, amounts with a decimal comma, as a French spreadsheet writes them.
/// </summary>
public static class EmployeeFile
{
    public const char Separator = ';';
    public const string WageColumn = "salaire_horaire";
    public const string WageFromColumn = "date_effet_salaire";

    /// <summary>The columns and the form field each fills (the field names of the API's messages).</summary>
    public static readonly IReadOnlyList<(string Column, string Field, bool Required)> Columns =
    [
        ("civilite", "civility", true), ("nom", "lastName", true), ("prenom", "firstName", true), ("date_naissance", "birthDate", true),
        ("matricule", "matricule", false), ("date_entree", "entryDate", true), ("date_sortie", "exitDate", false),
        ("contrat", "contract", true), ("temps_travail", "workingTimePercent", true), ("csp", "category", true), ("emploi", "jobTitle", false),
    ];

    public static readonly IReadOnlyList<(string Column, string Field)> WageColumns = [(WageColumn, "hourlyGross"), (WageFromColumn, "appliesFrom")];

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>The downloadable template: the header and one example line; the wage columns only for who may import them.</summary>
    public static string Template(bool withWages)
    {
        var header = Columns.Select(c => c.Column).Concat(withWages ? WageColumns.Select(c => c.Column) : []);
        var example = new List<string> { "Madame", "Martin", "Camille", "14/03/1990", "M0042", "01/09/2020", "", "CDI", "100", "Employe",
            "Assistante de gestion" };
        if (withWages) example.AddRange(["15,20", "01/01/2026"]);
        return $"{string.Join(Separator, header)}\r\n{string.Join(Separator, example)}\r\n";
    }

    /// <summary>
    /// The lines of the file, each with its number as a spreadsheet shows it (the header is line 1), or the reason the whole
    /// file is unreadable (no header, an unknown or missing column).
    /// </summary>
    public static (IReadOnlyList<EmployeeLine> Lines, IReadOnlyList<LineError> Errors, string? FileError) Read(string text)
    {
        var rows = Split(text.TrimStart('\uFEFF'));
        if (rows.Count == 0) return ([], [], "Le fichier est vide : il doit commencer par la ligne des noms de colonnes du modèle.");
        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var known = Columns.Select(c => c.Column).Concat(WageColumns.Select(c => c.Column)).ToHashSet();
        var unknown = header.Where(h => !known.Contains(h)).ToList();
        if (unknown.Count > 0)
            return ([], [], $"Colonne(s) inconnue(s) : {string.Join(", ", unknown)}. Utilisez les colonnes du modèle : {string.Join(Separator, known)}.");
        var missing = Columns.Where(c => c.Required && !header.Contains(c.Column)).Select(c => c.Column).ToList();
        if (missing.Count > 0) return ([], [], $"Colonne(s) obligatoire(s) absente(s) : {string.Join(", ", missing)}.");
        if (header.Distinct().Count() != header.Count) return ([], [], "Une colonne figure deux fois dans la ligne d'en-tête.");
        var hasWage = header.Contains(WageColumn) || header.Contains(WageFromColumn);
        if (hasWage && !(header.Contains(WageColumn) && header.Contains(WageFromColumn)))
            return ([], [], $"Les colonnes {WageColumn} et {WageFromColumn} vont ensemble.");

        var lines = new List<EmployeeLine>();
        var errors = new List<LineError>();
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (row.Fields.Count != header.Count)
            {
                errors.Add(new LineError(row.Number, null,
                    $"La ligne compte {row.Fields.Count} champ(s) au lieu de {header.Count} : vérifiez les « {Separator} »."));
                continue;
            }
            var values = header.Zip(row.Fields).ToDictionary(p => p.First, p => string.IsNullOrWhiteSpace(p.Second) ? null : p.Second.Trim());
            var lineErrors = new List<LineError>();
            var form = new EmployeeForm(Civility(Value(values, "civilite")), Value(values, "nom"), Value(values, "prenom"),
                Date(values, "date_naissance", row.Number, lineErrors), Value(values, "matricule"), Date(values, "date_entree", row.Number, lineErrors),
                Date(values, "date_sortie", row.Number, lineErrors), Code<EmploymentContract>(Value(values, "contrat"), ContractCodes),
                Percent(values, row.Number, lineErrors), Code<SocioProfessionalCategory>(Value(values, "csp"), CategoryCodes), Value(values, "emploi"));
            DateOnly? wageFrom = null;
            decimal? hourlyGross = null;
            var lineHasWage = hasWage && (Value(values, WageColumn) is not null || Value(values, WageFromColumn) is not null);
            if (lineHasWage)
            {
                wageFrom = Date(values, WageFromColumn, row.Number, lineErrors);
                hourlyGross = Amount(values, row.Number, lineErrors);
            }
            if (lineErrors.Count > 0) errors.AddRange(lineErrors);
            else lines.Add(new EmployeeLine(row.Number, form, wageFrom, hourlyGross, lineHasWage));
        }
        return (lines, errors, null);
    }

    /// <summary>The column of a form field, for a line's messages.</summary>
    public static string ColumnOf(string field) =>
        Columns.Where(c => c.Field == field).Select(c => c.Column)
            .Concat(WageColumns.Where(c => c.Field == field).Select(c => c.Column)).FirstOrDefault() ?? field;

    private static string? Value(Dictionary<string, string?> values, string column) => values.GetValueOrDefault(column);

    private static string? Civility(string? value) => value?.ToLowerInvariant() switch
    {
        "m" or "m." or "mr" => "Monsieur",
        "mme" or "mme." => "Madame",
        _ => value,
    };

    // A spreadsheet user writes the label they read on screen as often as the code.
    private static readonly Dictionary<string, string> ContractCodes = Enum.GetValues<EmploymentContract>()
        .ToDictionary(c => Folded(EmployeeLabels.Of(c)), c => c.ToString());

    private static readonly Dictionary<string, string> CategoryCodes = Enum.GetValues<SocioProfessionalCategory>()
        .ToDictionary(c => Folded(EmployeeLabels.Of(c)), c => c.ToString());

    private static string? Code<T>(string? value, Dictionary<string, string> labels) where T : struct, Enum =>
        value is null ? null : labels.GetValueOrDefault(Folded(value)) ?? (EnumCodes.TryParse<T>(Folded(value).Replace(" ", ""), out var code) ? code.ToString() : value);

    private static string Folded(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)])
            .Replace("/", " ").Replace("  ", " ").Replace("  ", " ");
    }

    private static DateOnly? Date(Dictionary<string, string?> values, string column, int line, List<LineError> errors)
    {
        var value = Value(values, column);
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, DateFormats, French, DateTimeStyles.None, out var date)) return date;
        errors.Add(new LineError(line, column, $"« {value} » n'est pas une date au format JJ/MM/AAAA."));
        return null;
    }

    private static int? Percent(Dictionary<string, string?> values, int line, List<LineError> errors)
    {
        var value = Value(values, "temps_travail")?.TrimEnd('%').Trim();
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, French, out var percent)) return percent;
        errors.Add(new LineError(line, "temps_travail", $"« {value} » n'est pas un pourcentage entier (100 pour un temps plein)."));
        return null;
    }

    private static decimal? Amount(Dictionary<string, string?> values, int line, List<LineError> errors)
    {
        var value = Value(values, WageColumn)?.Replace("€", "").Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
        if (string.IsNullOrEmpty(value)) return null;
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, French, out var amount)) return amount;
        errors.Add(new LineError(line, WageColumn, $"« {value} » n'est pas un montant en euros (par exemple 15,20)."));
        return null;
    }

    private sealed record Row(int Number, List<string> Fields);

    /// <summary>RFC 4180 with ';': quoted fields may hold the separator, doubled quotes and line breaks.</summary>
    private static List<Row> Split(string text)
    {
        var rows = new List<Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, rowStart, quoted) = (1, 1, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == Separator) { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                rows.Add(new Row(rowStart, fields));
                fields = [];
                rowStart = ++line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add(new Row(rowStart, fields));
        }
        return rows;
    }
}
