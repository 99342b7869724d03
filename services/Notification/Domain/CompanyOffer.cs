namespace Opco.Notification.Domain;

/// <summary>
/// The local copy of each member company's service offer, from onboarding's registry: which news targeted at an offer
/// a user sees. Kept by Messaging/CompanyOfferCopyConsumers; the newer state wins, whatever order events arrive in.
/// </summary>
public sealed class CompanyOffer
{
    public string Siren { get; private set; } = "";
    public string? ServiceOffer { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CompanyOffer() { }
}
