using System.Text;

namespace Opco.Web.Domain;

/// <summary>
/// A list of an establishment's records ("Mes dossiers", "Mes contrats de pro"): the establishment, status and words it is
/// filtered on, its sort and page, as the dossier service's query string.
/// </summary>
public abstract class ListFilter(string defaultSort = "createdAt")
{
    public string? Siret { get; set; }
    public string? Status { get; set; }
    public string? Search { get; set; }
    public string Sort { get; private set; } = defaultSort;
    public bool Descending { get; private set; } = true;
    public int Page { get; set; } = 1;

    /// <summary>A second click on the sorted column reverses it; another column starts ascending, from the first page.</summary>
    public void SortBy(string column)
    {
        (Descending, Sort, Page) = (Sort == column && !Descending, column, 1);
    }

    public string ToQuery()
    {
        var query = new StringBuilder($"sort={Sort}&direction={(Descending ? "desc" : "asc")}&page={Page}");
        foreach (var (name, value) in Filters())
            if (!string.IsNullOrWhiteSpace(value)) query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        return query.ToString();
    }

    /// <summary>The filters as query parameters, in the order they are sent.</summary>
    protected virtual IEnumerable<(string Name, string? Value)> Filters() => [("siret", Siret), ("status", Status), ("search", Search)];
}
