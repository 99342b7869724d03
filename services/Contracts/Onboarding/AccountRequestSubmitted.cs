namespace Opco.Contracts.Onboarding;

/// <summary>A visitor asked for an account on an establishment ("Demander une ouverture de compte").</summary>
public sealed record AccountRequestSubmitted(
    Guid AccountRequestId,
    string LastName,
    string FirstName,
    string Email,
    string Siret,
    DateTimeOffset SubmittedAt);
