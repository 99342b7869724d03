namespace Opco.Identity.Domain;

/// <summary>Identity's local copy of an establishment owned by the onboarding service (fed by its events).</summary>
public sealed class Establishment
{
    public string Siret { get; set; } = "";
    public string Siren { get; set; } = "";
    public string Name { get; set; } = "";
    public string CompanyName { get; set; } = "";
    public string? Address { get; set; }
    public bool IsHeadOffice { get; set; }
    public DateOnly? ClosedOn { get; set; }

    public bool IsClosed => ClosedOn is not null;
}
