namespace Opco.Onboarding.Domain;

public enum RegistrationRequestKind
{
    /// <summary>"Demander la création de mon entreprise": a company missing from the registry, with its first site.</summary>
    Company,
    /// <summary>"Vous pouvez le créer": a site missing from a known company.</summary>
    Establishment,
}
