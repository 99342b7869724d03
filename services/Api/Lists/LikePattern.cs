namespace Opco.Api.Lists;

/// <summary>What a user types in a search box is matched as text: '%' and '_' are not wildcards for them.</summary>
public static class LikePattern
{
    /// <summary>The text escaped for PostgreSQL's LIKE and ILIKE, whose escape character is the backslash.</summary>
    public static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    /// <summary>Rows whose value contains the text.</summary>
    public static string Containing(string text) => $"%{Escape(text.Trim())}%";
}
