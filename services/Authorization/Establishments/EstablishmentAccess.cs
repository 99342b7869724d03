using Opco.SharedKernel.Habilitations;

namespace Opco.Authorization.Establishments;

/// <summary>The habilitations the caller holds on the requested establishment, as checked by the filter.</summary>
public sealed record EstablishmentAccess(IReadOnlyCollection<Habilitation> Held);
