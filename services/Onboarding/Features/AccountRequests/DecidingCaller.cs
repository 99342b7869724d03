using Opco.SharedKernel.Habilitations;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>A signed-in user as a decider: the establishments they manage, and whether they are an advisor (and whose).</summary>
public sealed record DecidingCaller(Guid UserId, string DisplayName, bool IsAdvisor, string? AdvisorEmail,
    IReadOnlySet<string> ManagedSirets, IReadOnlySet<string> GestionnaireSirets)
{
    /// <summary>
    /// Only a Gestionnaire of the establishment may grant Gestionnaire; the advisor deciding for an establishment without
    /// a manager may too (its first user).
    /// </summary>
    public bool MayGrant(string siret, IEnumerable<Habilitation> habilitations) =>
        GrantingRule.Allows(IsAdvisor || GestionnaireSirets.Contains(siret), habilitations);
}
