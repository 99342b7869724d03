using Opco.SharedKernel;
using Opco.SharedKernel.Search;

namespace Opco.Dossier.Domain.Catalogue;

/// <summary>One session of a catalogue offer: its dates, its place and region, the seats the OPCO still counts.</summary>
public sealed class CatalogueSession
{
    public const int PlaceMaxLength = 200;
    public const int MaxSeats = 1000;

    public Guid Id { get; private set; }
    public Guid OfferId { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public string Place { get; private set; } = "";
    /// <summary>One of <see cref="CatalogueRegions.All"/>.</summary>
    public string Region { get; private set; } = "";
    public int SeatsLeft { get; private set; }

    private CatalogueSession() { }

    internal sealed record Checked(DateOnly Start, DateOnly End, string Place, string Region, int Seats);

    internal static Checked Check(CatalogueSessionForm form, FieldErrors errors)
    {
        if (form.StartDate is null) errors.Add("startDate", "La date de début est obligatoire.");
        if (form.EndDate is null) errors.Add("endDate", "La date de fin est obligatoire.");
        else if (form.StartDate is { } start && form.EndDate < start) errors.Add("endDate", "La date de fin ne peut pas précéder la date de début.");
        var place = form.Place?.Trim();
        if (string.IsNullOrEmpty(place)) errors.Add("place", "Le lieu est obligatoire.");
        else if (place.Length > PlaceMaxLength) errors.Add("place", $"Le lieu ne doit pas dépasser {PlaceMaxLength} caractères.");
        var region = CatalogueRegions.Find(form.Region);
        if (region is null) errors.Add("region", "Choisissez la région de la session.");
        if (form.SeatsLeft is not { } seats) errors.Add("seatsLeft", "Le nombre de places restantes est obligatoire.");
        else if (seats is < 0 or > MaxSeats) errors.Add("seatsLeft", $"Le nombre de places restantes est compris entre 0 et {MaxSeats}.");
        return new Checked(form.StartDate ?? default, form.EndDate ?? default, place ?? "", region ?? "", form.SeatsLeft ?? 0);
    }

    internal static CatalogueSession Of(Guid offerId, Checked form, DateTimeOffset now)
    {
        var session = new CatalogueSession { Id = Guid.CreateVersion7(now), OfferId = offerId };
        session.Change(form);
        return session;
    }

    internal void Change(Checked form) => (StartDate, EndDate, Place, Region, SeatsLeft) = (form.Start, form.End, form.Place, form.Region, form.Seats);
}

/// <summary>The regions a session may be held in (search by region), as spelt to users.</summary>
public static class CatalogueRegions
{
    public static readonly IReadOnlyList<string> All =
    [
        "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est", "Hauts-de-France",
        "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
        "Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte",
    ];

    /// <summary>The region as spelt in <see cref="All"/>, whatever the case or accents typed; null when none.</summary>
    public static string? Find(string? input)
    {
        var wanted = SearchText.Normalize(input);
        return wanted.Length == 0 ? null : All.FirstOrDefault(r => SearchText.Normalize(r) == wanted);
    }
}
