using Opco.SharedKernel.People;
using Microsoft.AspNetCore.Identity;

namespace Opco.Identity.Domain;

/// <summary>A person with a login. Rights hang off <see cref="Accesses"/>, one per establishment.</summary>
public sealed class UserAccount : IdentityUser<Guid>
{
    public Civility Civility { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? Function { get; set; }
    public bool IsActive { get; set; } = true;
    public StaffRole StaffRole { get; set; }
    public string? PreferredSiret { get; set; }
    /// <summary>A new address waiting for its confirmation; the current one stays the login until then.</summary>
    public string? PendingEmail { get; set; }
    /// <summary>Migrated from the previous platform: must create a new password ("mot de passe oublié") first.</summary>
    public bool MustCreatePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public List<EstablishmentAccess> Accesses { get; set; } = [];

    public string DisplayName => $"{LastName.ToUpperInvariant()} {FirstName}";

    public static UserAccount Create(Civility civility, string firstName, string lastName, string email, string? phone,
        string? function, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Civility = civility,
        FirstName = firstName,
        LastName = lastName,
        Email = email,
        UserName = email,
        PhoneNumber = phone,
        Function = function,
        CreatedAt = now,
        LockoutEnabled = true,
    };
}
