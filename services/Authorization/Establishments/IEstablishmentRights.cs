using Opco.SharedKernel.Habilitations;

namespace Opco.Authorization.Establishments;

/// <summary>What the local copy says about one user on one establishment.</summary>
public interface IEstablishmentRights
{
    Task<UserRights> ReadAsync(Guid userId, string siret, CancellationToken cancellationToken);
}

/// <param name="Held">Empty when the user holds nothing on the establishment.</param>
public sealed record UserRights(bool IsActive, IReadOnlyCollection<Habilitation> Held);
