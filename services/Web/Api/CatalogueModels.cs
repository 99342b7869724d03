namespace Opco.Web.Api;

public sealed record CatalogueSessionSheet(Guid Id, DateOnly StartDate, DateOnly EndDate, string Place, string Region, int SeatsLeft);

public sealed record CatalogueRow(Guid Id, string Title, string Theme, string ProviderName, decimal Hours, string Modality, string ModalityLabel,
    decimal Price, decimal CoveredAmount, IReadOnlyList<CatalogueSessionSheet> NextSessions);

public sealed record CatalogueRowsPage(IReadOnlyList<CatalogueRow> Items, int Total, int PageNumber, int PageSize);

public sealed record CatalogueChoices(IReadOnlyList<string> Themes, IReadOnlyList<string> Regions);

public sealed record CatalogueOfferSheet(Guid Id, string Title, string Theme, Guid TrainingProviderId, string ProviderName, string ProviderSiret,
    decimal Hours, string Nature, string NatureLabel, string Modality, string ModalityLabel, decimal Price, decimal CoveredAmount, string SchemeCode,
    string SchemeLabel, string Description, bool IsPublished, DateTimeOffset UpdatedAt, IReadOnlyList<CatalogueSessionSheet> Sessions);

public sealed record CatalogueAdminRow(Guid Id, string Title, string Theme, string ProviderName, bool IsPublished, int Sessions, DateOnly? NextSession);

/// <summary>What the administrators' offer form edits.</summary>
public sealed class CatalogueOfferInput
{
    public string? Title { get; set; }
    public string? Theme { get; set; }
    public Guid? TrainingProviderId { get; set; }
    public decimal? Hours { get; set; }
    public string? Nature { get; set; } = "ActionFormation";
    public string? Modality { get; set; } = "Presentiel";
    public decimal? Price { get; set; }
    public decimal? CoveredAmount { get; set; }
    public string? Description { get; set; }

    public static CatalogueOfferInput Of(CatalogueOfferSheet offer) => new()
    {
        Title = offer.Title, Theme = offer.Theme, TrainingProviderId = offer.TrainingProviderId, Hours = offer.Hours, Nature = offer.Nature,
        Modality = offer.Modality, Price = offer.Price, CoveredAmount = offer.CoveredAmount, Description = offer.Description,
    };
}

/// <summary>What the administrators' session form edits.</summary>
public sealed class CatalogueSessionInput
{
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Place { get; set; }
    public string? Region { get; set; }
    public decimal? SeatsLeft { get; set; }

    public object Body => new { StartDate, EndDate, Place, Region, SeatsLeft = SeatsLeft is { } seats ? (int?)decimal.ToInt32(decimal.Truncate(seats)) : null };
}
