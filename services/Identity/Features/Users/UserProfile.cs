using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;

namespace Opco.Identity.Features.Users;

/// <summary>"Visualiser le profil": a user's personal data and their accesses on the caller's managed establishments.</summary>
public static class UserProfile
{
    public sealed record Access(string Siret, string EstablishmentName, IReadOnlyList<string> Habilitations);

    public sealed record Response(Guid Id, string Civility, string LastName, string FirstName, string? Email, string? Phone, string? Function,
        bool IsActive, string? PreferredSiret, DateTimeOffset? LastSignInAt, IReadOnlyList<Access> Establishments);

    public static RouteGroupBuilder MapUserProfile(this RouteGroupBuilder users)
    {
        users.MapGet("/{id:guid}", HandleAsync)
            .WithName("UserProfile")
            .WithSummary("A user's personal data and habilitations.");
        return users;
    }

    public static async Task<Results<Ok<Response>, NotFound, UnauthorizedHttpResult>> HandleAsync(
        Guid id, HttpContext context, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        var user = await db.Users.AsNoTracking().Include(u => u.Accesses)
            .SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, cancellationToken);
        if (user is null || !user.Accesses.Any(a => caller.Manages(a.Siret))) return TypedResults.NotFound();

        var accesses = new List<Access>();
        foreach (var access in user.Accesses.Where(a => caller.Manages(a.Siret)).OrderBy(a => a.Siret))
            accesses.Add(new Access(access.Siret, await EstablishmentNames.OfAsync(db, access.Siret, cancellationToken),
                [.. access.Habilitations.Select(h => h.ToString())]));
        return TypedResults.Ok(new Response(user.Id, user.Civility.ToString(), user.LastName, user.FirstName, user.Email, user.PhoneNumber,
            user.Function, user.IsActive, user.PreferredSiret, user.LastSignInAt, accesses));
    }
}
