namespace Opco.Onboarding.Domain;

/// <summary>"Demander la création de mon entreprise" / "vous pouvez le créer", as typed.</summary>
public sealed record RegistrationRequestForm(
    string? Kind, string? Siren, string? Siret, string? Name, string? Address, string? PostalCode, string? City,
    string? RequesterEmail, string? RequesterLastName, string? RequesterFirstName);
