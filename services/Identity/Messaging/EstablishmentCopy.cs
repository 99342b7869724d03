using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;
using Opco.Identity.Domain;

namespace Opco.Identity.Messaging;

/// <summary>Registered and updated events carry the whole state: the copy is an upsert.</summary>
internal static class EstablishmentCopy
{
    public static async Task UpsertAsync(IdentityDbContext db, string siret, string siren, string name, string companyName, string? address,
        bool isHeadOffice, DateOnly? closedOn, CancellationToken cancellationToken)
    {
        var establishment = await db.Establishments.SingleOrDefaultAsync(e => e.Siret == siret, cancellationToken);
        if (establishment is null) db.Establishments.Add(establishment = new Establishment { Siret = siret });
        (establishment.Siren, establishment.Name, establishment.CompanyName, establishment.Address, establishment.IsHeadOffice, establishment.ClosedOn) =
            (siren, name, companyName, address, isHeadOffice, closedOn);
    }
}
