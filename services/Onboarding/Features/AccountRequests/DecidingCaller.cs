using Opco.SharedKernel.Habilitations;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>A signed-in user as a decider: the establishments they manage, and whether they are an advisor (and whose).</summary>
public sealed record DecidingCaller(Guid UserId, string DisplayName, bool IsAdvisor, string? AdvisorEmail,
    IReadOnlySet<string> ManagedSirets, IReadOnlySet<string> GestionnaireSirets)
{
    /// <summary>Only a Gestionnaire (or an advisor) may grant Gestionnaire, as identity requires.</summary>
    public bool MayGrant(string siret, IEnumerable<Habilitation> habilitations) =>
        IsAdvisor || GestionnaireSirets.Contains(siret) || !habilitations.Contains(Habilitation.Gestionnaire);
}
