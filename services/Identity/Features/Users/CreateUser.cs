using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;
using Opco.Identity.Features.Lifecycle;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;
using Opco.SharedKernel.People;

namespace Opco.Identity.Features.Users;

/// <summary>
/// "Ajouter": a manager creates a user on establishments they manage (a Gestionnaire only may make a Gestionnaire).
/// Account requests are decided in onboarding, never here.
/// </summary>
public static class CreateUser
{
    public sealed record Request(string? Civility, string? LastName, string? FirstName, string? Email, string? Phone, string? Function,
        EstablishmentGrant[]? Establishments);

    public sealed record Response(Guid Id);

    public static RouteGroupBuilder MapCreateUser(this RouteGroupBuilder users)
    {
        users.MapPost("/", HandleAsync)
            .WithName("CreateUser")
            .WithSummary("Adds a user to establishments the caller manages.");
        return users;
    }

    public static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> HandleAsync(
        Request request, HttpContext context, IdentityDbContext db, AccountLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();

        var errors = new FieldErrors();
        var person = PersonalData.Validate(request.Civility, request.LastName, request.FirstName, request.Phone, request.Function, errors);
        if (!EmailAddress.TryParse(request.Email, out var email)) errors.Add("email", string.IsNullOrWhiteSpace(request.Email)
            ? "L'email est obligatoire." : "L'email n'est pas une adresse valide.");
        if (request.Establishments is not { Length: > 0 }) errors.Add("establishments", "Choisissez au moins un établissement.");
        var grants = (request.Establishments ?? []).Select((g, i) => (g ?? new EstablishmentGrant(null, null))
            .Validate($"establishments[{i}]", errors, allowEmpty: false)).ToList();
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Les informations saisies contiennent des erreurs.");
        if (grants.Any(g => !caller.MayGrant(g.Siret!, g.Habilitations))) return UserProblems.NotManager();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email!.Value.ToUpperInvariant(), cancellationToken)) return UserProblems.EmailTaken();

        var user = await UserProvisioning.CreateAsync(db, links, caller, person!, email!,
            [.. grants.Select(g => (g.Siret!, g.Habilitations))], time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/identity/users/{user.Id}", new Response(user.Id));
    }
}
