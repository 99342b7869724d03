namespace Opco.Api.Lists;

/// <summary>How a list sorts text for a French reader: accents and case do not scatter names (PostgreSQL's ICU collation).</summary>
public static class Collations
{
    public const string French = "fr-FR-x-icu";
}
