using System.Globalization;
using System.Text;

namespace Opco.Web.Domain;

/// <summary>
/// The filters, sort and page of "Mes utilisateurs" (Nom / Prénom, Actif Oui/Non, Habilitations, Entreprise, and
/// under "Plus d'options de filtre" the establishment), turned into the identity API's query string.
/// </summary>
public sealed class UserFilter
{
    public const int DefaultPageSize = 20;

    public string? Name { get; set; }
    /// <summary>null: both active and inactive users.</summary>
    public bool? Active { get; set; }
    public string? Habilitation { get; set; }
    public string? Siren { get; set; }
    public string? Siret { get; set; }
    public UserSortColumn Sort { get; private set; } = UserSortColumn.LastName;
    public bool Descending { get; private set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = DefaultPageSize;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && Active is null && string.IsNullOrEmpty(Habilitation)
                           && string.IsNullOrEmpty(Siren) && string.IsNullOrEmpty(Siret);

    /// <summary>"Réinitialiser le filtre": every filter cleared; the sort stays.</summary>
    public void Reset()
    {
        (Name, Active, Habilitation, Siren, Siret) = (null, null, null, null, null);
        Page = 1;
    }

    /// <summary>A click on a column header: sorts by it, or reverses it when it is already the sort.</summary>
    public void SortBy(UserSortColumn column)
    {
        Descending = Sort == column && !Descending;
        Sort = column;
        Page = 1;
    }

    /// <summary>The identity API filters establishments by prefix: a SIRET is more precise than its company's SIREN.</summary>
    public string? EstablishmentPrefix => !string.IsNullOrEmpty(Siret) ? Siret : Siren;

    public string ToQueryString()
    {
        var query = new StringBuilder("?");
        void Add(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            if (query.Length > 1) query.Append('&');
            query.Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        }
        Add("name", Name);
        Add("active", Active switch { true => "true", false => "false", null => null });
        Add("habilitation", Habilitation);
        Add("siren", EstablishmentPrefix);
        Add("sort", SortParameter(Sort));
        Add("direction", Descending ? "desc" : "asc");
        Add("page", Page.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }

    public static string SortParameter(UserSortColumn column) => column switch
    {
        UserSortColumn.Active => "active",
        UserSortColumn.LastName => "lastName",
        UserSortColumn.FirstName => "firstName",
        UserSortColumn.Function => "function",
        UserSortColumn.Manager => "isManager",
        UserSortColumn.MainEstablishment => "mainEstablishment",
        UserSortColumn.LastSignIn => "lastSignInAt",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}

public enum UserSortColumn
{
    Active,
    LastName,
    FirstName,
    Function,
    Manager,
    MainEstablishment,
    LastSignIn,
}
