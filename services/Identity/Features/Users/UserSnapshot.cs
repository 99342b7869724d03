using Opco.Identity.Domain;

namespace Opco.Identity.Features.Users;

/// <summary>What the audit keeps of a user before and after a change.</summary>
public sealed record UserSnapshot(string Civility, string LastName, string FirstName, string? Email, string? Phone, string? Function,
    bool IsActive, Dictionary<string, string[]> Establishments)
{
    public static UserSnapshot Of(UserAccount user) => new(user.Civility.ToString(), user.LastName, user.FirstName, user.Email,
        user.PhoneNumber, user.Function, user.IsActive,
        user.Accesses.ToDictionary(a => a.Siret, a => a.Habilitations.Select(h => h.ToString()).ToArray()));
}
