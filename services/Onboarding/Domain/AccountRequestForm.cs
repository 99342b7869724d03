namespace Opco.Onboarding.Domain;

/// <summary>
/// Both forms as typed. "Mon compte DEFi": nom, prénom, SIRET, email and its confirmation. "mon compte 2i" wizard
/// (<paramref name="Form"/> "Wizard"): email, civilité, fonction, nom, prénom, téléphone, site and desired role.
/// </summary>
public sealed record AccountRequestForm(
    string? LastName, string? FirstName, string? Siret, string? Email, string? EmailConfirmation,
    string? Form = null, string? Civility = null, string? JobTitle = null, string? Phone = null, string? Role = null);
