using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;
using Opco.Identity.Features.Users;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Features.Profile;

/// <summary>
/// "Mon profil › Mes établissements": the sites the user can access, the preferred one flagged, closed ones flagged,
/// with the user's habilitations on each and the list of that site's managers.
/// </summary>
public static class MyEstablishments
{
    public sealed record Manager(string LastName, string FirstName, string? Email);

    public sealed record Row(string Siret, string Name, string CompanyName, bool IsPreferred, bool IsHeadOffice, bool IsClosed,
        IReadOnlyList<string> Habilitations, IReadOnlyList<string> HabilitationLabels, IReadOnlyList<Manager> Managers);

    public static RouteGroupBuilder MapMyEstablishments(this RouteGroupBuilder me)
    {
        me.MapGet("/establishments", HandleAsync)
            .WithName("MyEstablishments")
            .WithSummary("The caller's establishments, preferred first, with habilitations and managers.");
        return me;
    }

    public static async Task<Results<Ok<List<Row>>, UnauthorizedHttpResult>> HandleAsync(
        HttpContext context, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        var sirets = caller.Account.Accesses.Select(a => a.Siret).ToList();
        var establishments = await db.Establishments.AsNoTracking().Where(e => sirets.Contains(e.Siret)).ToDictionaryAsync(e => e.Siret, cancellationToken);
        var managers = await db.Accesses.AsNoTracking()
            .Where(a => sirets.Contains(a.Siret) && a.Habilitations.Contains(Habilitation.Gestionnaire))
            .Join(db.Users.Where(u => u.IsActive && u.DeletedAt == null), a => a.UserId, u => u.Id,
                (a, u) => new { a.Siret, Manager = new Manager(u.LastName, u.FirstName, u.Email) })
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(caller.Account.Accesses
            .Select(access => establishments.TryGetValue(access.Siret, out var e)
                ? (access, Name: e.Name, Company: e.CompanyName, HeadOffice: e.IsHeadOffice, Closed: e.IsClosed)
                : (access, Name: access.Siret, Company: "", HeadOffice: false, Closed: false))
            .OrderByDescending(x => x.access.Siret == caller.Account.PreferredSiret).ThenBy(x => x.Closed).ThenBy(x => x.Name)
            .Select(x => new Row(x.access.Siret, x.Name, x.Company, x.access.Siret == caller.Account.PreferredSiret, x.HeadOffice, x.Closed,
                [.. x.access.Habilitations.Select(h => h.ToString())], [.. x.access.Habilitations.Select(HabilitationLabels.Of)],
                [.. managers.Where(m => m.Siret == x.access.Siret).Select(m => m.Manager)]))
            .ToList());
    }
}
