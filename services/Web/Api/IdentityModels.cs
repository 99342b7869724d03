namespace Opco.Web.Api;

public sealed record MyProfile(Guid Id, string Civility, string LastName, string FirstName, string? Email, string? Phone, string? Function,
    string? PreferredSiret, string? StaffRole);

public sealed record EstablishmentManager(string LastName, string FirstName, string? Email);

public sealed record MyEstablishment(string Siret, string Name, string CompanyName, bool IsPreferred, bool IsHeadOffice, bool IsClosed,
    IReadOnlyList<string> Habilitations, IReadOnlyList<string> HabilitationLabels, IReadOnlyList<EstablishmentManager> Managers)
{
    public string Siren => Siret[..9];
}

public sealed record PersonalDataRequest(string? Civility, string? LastName, string? FirstName, string? Phone, string? Function);

public sealed record UserRow(Guid Id, bool IsActive, string LastName, string FirstName, string? Function, bool IsManager,
    string? MainEstablishment, string? MainEstablishmentName, DateTimeOffset? LastSignInAt);

public sealed record UsersPage(IReadOnlyList<UserRow> Items, int Total, int Page, int PageSize);

public sealed record UserAccess(string Siret, string EstablishmentName, IReadOnlyList<string> Habilitations);

public sealed record UserDetails(Guid Id, string Civility, string LastName, string FirstName, string? Email, string? Phone, string? Function,
    bool IsActive, string? PreferredSiret, DateTimeOffset? LastSignInAt, IReadOnlyList<UserAccess> Establishments);

public sealed record EstablishmentGrantRequest(string Siret, IReadOnlyList<string> Habilitations);

public sealed record CreateUserRequest(string? Civility, string? LastName, string? FirstName, string? Email, string? Phone, string? Function,
    IReadOnlyList<EstablishmentGrantRequest> Establishments);

public sealed record CreatedUser(Guid Id);

public sealed record AuditEntry(DateTimeOffset At, string ActorName, string Action, string? Siret, string? Before, string? After);
