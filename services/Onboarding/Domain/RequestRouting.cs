using Opco.SharedKernel.Habilitations;

namespace Opco.Onboarding.Domain;

/// <summary>Someone who may decide on an account request.</summary>
public sealed record Decider(Guid UserId, string Email, string FirstName, string LastName);

public enum RoutedTo
{
    Managers,
    Advisor,
    /// <summary>No manager and no known advisor yet: every advisor sees it in their list, nobody is e-mailed.</summary>
    Nobody,
}

/// <summary>
/// Seeds 000 and 004: a request goes to every manager of the establishment (a user allowed "Gérer les utilisateurs"
/// there); when it has none, to the company's training advisor.
/// </summary>
public static class RequestRouting
{
    /// <summary>The habilitations that make a manager, from the matrix: Gestion des utilisateurs and Gestionnaire.</summary>
    public static readonly IReadOnlyList<string> ManagerHabilitations =
        [.. Enum.GetValues<Habilitation>().Where(h => HabilitationMatrix.Allows([h], Functionality.GererUtilisateurs)).Select(h => h.ToString())];

    public static (RoutedTo RoutedTo, IReadOnlyList<Decider> Recipients) Route(IReadOnlyList<Decider> managers, Decider? advisor) =>
        managers.Count > 0 ? (RoutedTo.Managers, [.. managers.DistinctBy(m => m.UserId)])
        : advisor is not null ? (RoutedTo.Advisor, [advisor])
        : (RoutedTo.Nobody, []);
}
