namespace Opco.Contracts.Identity;

/// <summary>
/// Identity asks for an e-mail holding a single-use link. The link is a secret: it travels in the message and the
/// e-mail body only, never in a log line.
/// </summary>
public sealed record EmailConfirmationRequested(
    Guid UserId, string Email, string FirstName, string LastName, string ConfirmationUrl, DateTimeOffset ExpiresAt);

/// <summary>The address is confirmed: the user may now create a password.</summary>
public sealed record PasswordCreationRequested(
    Guid UserId, string Email, string FirstName, string LastName, string PasswordUrl, DateTimeOffset ExpiresAt);

/// <summary>"Mot de passe oublié" for an account that exists (and nothing at all for one that does not).</summary>
public sealed record PasswordResetRequested(
    Guid UserId, string Email, string FirstName, string LastName, string ResetUrl, DateTimeOffset ExpiresAt);

/// <summary>A user asked to change their e-mail: the new address must be confirmed before it replaces the old one.</summary>
public sealed record EmailChangeRequested(
    Guid UserId, string NewEmail, string FirstName, string LastName, string ConfirmationUrl, DateTimeOffset ExpiresAt);
