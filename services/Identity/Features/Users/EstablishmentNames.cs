using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;

namespace Opco.Identity.Features.Users;

public static class EstablishmentNames
{
    /// <summary>The name from the local copy of the registry; the SIRET itself until onboarding has published it.</summary>
    public static async Task<string> OfAsync(IdentityDbContext db, string siret, CancellationToken cancellationToken) =>
        await db.Establishments.Where(e => e.Siret == siret).Select(e => e.Name).SingleOrDefaultAsync(cancellationToken) ?? siret;
}
