namespace Opco.Onboarding.Domain;

/// <summary>
/// Onboarding's copy of identity's accounts (e-mail and names), fed by its events. It tells "Ouverture" from
/// "Rattachement", gives managers' and advisors' addresses for routing, and names deciders in a request's history.
/// </summary>
public sealed class KnownAccount
{
    public Guid UserId { get; private set; }
    /// <summary>Lower case; null once the account is deleted.</summary>
    public string? Email { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public bool IsAdvisor { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public string DisplayName => $"{LastName.ToUpperInvariant()} {FirstName}".Trim();

    private KnownAccount() { }
}
