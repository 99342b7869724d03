using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Identity.Data;
using Opco.Identity.Domain;
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

    public static RouteGroupBuilder MapListUsers(this RouteGroupBuilder users)
    {
        users.MapGet("/", HandleAsync)
            .WithName("ListUsers")
            .WithSummary("Lists the users of the establishments the caller manages (Mes utilisateurs).");
        return users;
    }

    public static async Task<Results<Ok<ListPage<Row>>, ValidationProblem, UnauthorizedHttpResult, ProblemHttpResult>> HandleAsync(
        HttpContext context, IdentityDbContext db, [AsParameters] ListQuery list, CancellationToken cancellationToken,
        string? name = null, bool? active = null, string? habilitation = null, string? siren = null)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        if (caller.ManagedSirets.Count == 0) return UserProblems.NotManager();
        var managed = caller.ManagedSirets.ToList();
        if (!Sorts(managed).TryRead(list, out var request, out var problem)) return problem;
        Habilitation? held = null;
        if (!string.IsNullOrWhiteSpace(habilitation))
        {
            if (!HabilitationNames.TryParse(habilitation, out var parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["habilitation"] = [$"L'habilitation « {habilitation} » n'existe pas."] },
                    title: "Le filtre demandé n'est pas valide.");
            held = parsed;
        }

        var query = db.Users.Where(u => u.DeletedAt == null && u.Accesses.Any(a => managed.Contains(a.Siret)));
        if (!string.IsNullOrWhiteSpace(name))
        {
            var pattern = LikePattern.Containing(name);
            query = query.Where(u => EF.Functions.ILike(u.LastName, pattern) || EF.Functions.ILike(u.FirstName, pattern));
        }
        if (active is not null) query = query.Where(u => u.IsActive == active);
        if (held is { } h) query = query.Where(u => u.Accesses.Any(a => managed.Contains(a.Siret) && a.Habilitations.Contains(h)));
        if (!string.IsNullOrWhiteSpace(siren))
            query = query.Where(u => u.Accesses.Any(a => managed.Contains(a.Siret) && a.Siret.StartsWith(siren)));

        return TypedResults.Ok(await request.ToPageAsync(query, u => new Row(u.Id, u.IsActive, u.LastName, u.FirstName, u.Function,
                u.Accesses.Any(a => managed.Contains(a.Siret) && a.Habilitations.Contains(Habilitation.Gestionnaire)),
                u.PreferredSiret, db.Establishments.Where(e => e.Siret == u.PreferredSiret).Select(e => e.Name).FirstOrDefault(),
                u.LastSignInAt),
            cancellationToken));
    }

    /// <summary>The seed's sortable columns; "Gestionnaire" is judged on the caller's establishments only.</summary>
    private static ListSorts<UserAccount> Sorts(List<string> managed) =>
        new ListSorts<UserAccount>("lastName", ListSorts<UserAccount>.Ascending, rows => rows.ThenBy(u => u.Id))
            .Column("lastName", (rows, descending) => descending
                ? rows.OrderByDescending(u => u.LastName).ThenByDescending(u => u.FirstName)
                : rows.OrderBy(u => u.LastName).ThenBy(u => u.FirstName))
            .Column("firstName", u => u.FirstName)
            .Column("function", u => u.Function)
            .Column("lastSignInAt", u => u.LastSignInAt)
            .Column("active", u => u.IsActive)
            .Column("isManager", u => u.Accesses.Any(a => managed.Contains(a.Siret) && a.Habilitations.Contains(Habilitation.Gestionnaire)))
            .Column("mainEstablishment", u => u.PreferredSiret);
}
