using System.Security.Claims;
using Opco.Authorization.Establishments;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Finance.Features.Accounts;

/// <summary>
/// Whose money a user may see: a company's accounts are shown to the users holding "Visualiser les comptes" on any
/// establishment of that company (domain.md, Money), read from the local copy of identity's rights.
/// </summary>
public static class CompanyAccess
{
    public static async Task<IReadOnlyList<string>> SirensAsync(IEstablishmentRights rights, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId
            ? [.. (await rights.EstablishmentsAllowingAsync(userId, Functionality.VisualiserComptes, cancellationToken))
                .Where(siret => siret.Length == 14).Select(siret => siret[..9]).Distinct().Order()]
            : [];
}
