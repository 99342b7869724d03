using Opco.SharedKernel.Habilitations;

namespace Opco.Authorization.Establishments;

/// <summary>What the local copy says about one user on one establishment.</summary>
public interface IEstablishmentRights
{
    Task<UserRights> ReadAsync(Guid userId, string siret, CancellationToken cancellationToken);

    /// <summary>The establishments where an active user holds a habilitation allowing <paramref name="functionality"/>; none for an inactive one.</summary>
    Task<IReadOnlyList<string>> EstablishmentsAllowingAsync(Guid userId, Functionality functionality, CancellationToken cancellationToken);
}

/// <param name="Held">Empty when the user holds nothing on the establishment.</param>
public sealed record UserRights(bool IsActive, IReadOnlyCollection<Habilitation> Held);
