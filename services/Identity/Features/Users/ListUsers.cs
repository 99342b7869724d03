using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Features.Users;

/// <summary>
/// "Mes utilisateurs": the users who have access to the caller's managed establishments, with the seed's columns
/// (Actif, Nom, Prénom, Fonction, Gestionnaire, Établissement principal, Dernière connexion), filters, sort, paging
/// and the total count.
/// </summary>
public static class ListUsers
{
    public sealed record Row(Guid Id, bool IsActive, string LastName, string FirstName, string? Function, bool IsManager,
        string? MainEstablishment, string? MainEstablishmentName, DateTimeOffset? LastSignInAt);

    public sealed record Page(int Total, int PageNumber, int PageSize, IReadOnlyList<Row> Items);

    public static RouteGroupBuilder MapListUsers(this RouteGroupBuilder users)
    {
        users.MapGet("/", HandleAsync)
            .WithName("ListUsers")
            .WithSummary("Lists the users of the establishments the caller manages (Mes utilisateurs).");
        return users;
    }

    public static async Task<Results<Ok<Page>, UnauthorizedHttpResult, ProblemHttpResult>> HandleAsync(
        HttpContext context, IdentityDbContext db, CancellationToken cancellationToken,
        string? name = null, bool? active = null, string? habilitation = null, string? siren = null,
        string sort = "lastName", bool descending = false, int page = 1, int pageSize = 20)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        if (caller.ManagedSirets.Count == 0) return UserProblems.NotManager();
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Clamp(page, 1, int.MaxValue / pageSize);
        var managed = caller.ManagedSirets.ToList();

        var query = db.Users.Where(u => u.DeletedAt == null && u.Accesses.Any(a => managed.Contains(a.Siret)));
        if (!string.IsNullOrWhiteSpace(name))
        {
            var pattern = $"%{name.Trim()}%";
            query = query.Where(u => EF.Functions.ILike(u.LastName, pattern) || EF.Functions.ILike(u.FirstName, pattern));
        }
        if (active is not null) query = query.Where(u => u.IsActive == active);
        if (HabilitationNames.TryParse(habilitation, out var held))
            query = query.Where(u => u.Accesses.Any(a => managed.Contains(a.Siret) && a.Habilitations.Contains(held)));
        if (!string.IsNullOrWhiteSpace(siren))
            query = query.Where(u => u.Accesses.Any(a => managed.Contains(a.Siret) && a.Siret.StartsWith(siren)));

        query = (sort, descending) switch
        {
            ("firstName", false) => query.OrderBy(u => u.FirstName).ThenBy(u => u.Id),
            ("firstName", true) => query.OrderByDescending(u => u.FirstName).ThenBy(u => u.Id),
            ("function", false) => query.OrderBy(u => u.Function).ThenBy(u => u.Id),
            ("function", true) => query.OrderByDescending(u => u.Function).ThenBy(u => u.Id),
            ("lastSignInAt", false) => query.OrderBy(u => u.LastSignInAt).ThenBy(u => u.Id),
            ("lastSignInAt", true) => query.OrderByDescending(u => u.LastSignInAt).ThenBy(u => u.Id),
            ("active", false) => query.OrderBy(u => u.IsActive).ThenBy(u => u.Id),
            ("active", true) => query.OrderByDescending(u => u.IsActive).ThenBy(u => u.Id),
            ("isManager", false) => query.OrderBy(u => u.Accesses.Any(a => managed.Contains(a.Siret) && a.Habilitations.Contains(Habilitation.Gestionnaire))).ThenBy(u => u.Id),
            ("isManager", true) => query.OrderByDescending(u => u.Accesses.Any(a => managed.Contains(a.Siret) && a.Habilitations.Contains(Habilitation.Gestionnaire))).ThenBy(u => u.Id),
            ("mainEstablishment", false) => query.OrderBy(u => u.PreferredSiret).ThenBy(u => u.Id),
            ("mainEstablishment", true) => query.OrderByDescending(u => u.PreferredSiret).ThenBy(u => u.Id),
            (_, true) => query.OrderByDescending(u => u.LastName).ThenBy(u => u.Id),
            _ => query.OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.Id),
        };

        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new Row(u.Id, u.IsActive, u.LastName, u.FirstName, u.Function,
                u.Accesses.Any(a => managed.Contains(a.Siret) && a.Habilitations.Contains(Habilitation.Gestionnaire)),
                u.PreferredSiret, db.Establishments.Where(e => e.Siret == u.PreferredSiret).Select(e => e.Name).FirstOrDefault(),
                u.LastSignInAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page(total, page, pageSize, items));
    }
}
