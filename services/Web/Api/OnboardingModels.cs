namespace Opco.Web.Api;

public sealed record CompanyMatch(string Siren, string Name, string? City, string? ServiceOffer)
{
    /// <summary>As the seed shows it: "GE SUPPORT FRANCE - 424210433".</summary>
    public string Display => $"{Name} - {Siren}";
}

public sealed record DirectoryEstablishment(string Siret, string Name, string? Address, string? PostalCode, string? City, bool IsHeadOffice,
    bool IsClosed)
{
    /// <summary>"NAME – SIRET – address postalCode CITY".</summary>
    public string Display => $"{Name} – {Siret} – {string.Join(' ', new[] { Address, PostalCode, City }.Where(p => !string.IsNullOrWhiteSpace(p)))}".TrimEnd(' ', '–');
}

public sealed record AccountRequestSubmission(string Form, string? Email, string? EmailConfirmation, string? LastName, string? FirstName,
    string? Siret, string? Civility = null, string? JobTitle = null, string? Phone = null, string? Role = null);

public sealed record SubmissionAccepted(Guid RequestId, string Message);

public sealed record RegistrationRequestSubmission(string Kind, string? Siren, string? Siret, string? Name, string? Address, string? PostalCode,
    string? City, string? RequesterEmail, string? RequesterLastName, string? RequesterFirstName);

/// <param name="Status">"Pending", "Approving" (identity is creating or attaching the account) or "Failed" (<paramref name="Failure"/> says why).</param>
public sealed record AccountRequestRow(Guid Id, string LastName, string FirstName, string? JobTitle, string? CompanyName, string Kind,
    DateTimeOffset RequestedAt, string Siret, string? EstablishmentName, string Status, string? Failure);

/// <summary>✓: the new user's personal data (ignored for a "Rattachement") and the accesses per establishment.</summary>
public sealed record AccountRequestApproval(string? Civility, string? LastName, string? FirstName, string? Phone, string? Function,
    IReadOnlyList<EstablishmentGrantRequest> Establishments);

public sealed record AccountRequestsPage(IReadOnlyList<AccountRequestRow> Items, int Total, int Page, int PageSize);

public sealed record AccountRequestHistory(DateTimeOffset At, string Status, string? By, string? Reason);

public sealed record AccountRequestDetails(Guid Id, string Kind, string Status, string? Civility, string LastName, string FirstName, string Email,
    string? Phone, string? JobTitle, string Siret, string? EstablishmentName, string? Siren, string? CompanyName, string? Role,
    IReadOnlyList<string>? SuggestedHabilitations, DateTimeOffset RequestedAt, IReadOnlyList<AccountRequestHistory>? History);

public sealed record OfferAdvisor(string FirstName, string LastName, string Email);

/// <summary>The service offer and training advisor of an establishment's company, for the home page.</summary>
public sealed record EstablishmentOffer(string Siret, string Siren, string CompanyName, string? ServiceOffer, OfferAdvisor? Advisor);
