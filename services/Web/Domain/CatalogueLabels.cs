namespace Opco.Web.Domain;

/// <summary>How the catalogue's figures read in French.</summary>
public static class CatalogueLabels
{
    public static string Hours(decimal hours) => $"{hours:0.##} h";

    public static string Seats(int seats) => seats switch { 0 => "complet", 1 => "1 place restante", _ => $"{seats} places restantes" };
}
