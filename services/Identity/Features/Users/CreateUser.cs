using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Identity.Features.Users;

/// <summary>
/// "Ajouter": a manager creates a user on establishments they manage; an advisor validating an account request (✓ on
/// an establishment without a manager) creates its first user. The user then gets the e-mail to confirm the address
/// (48 h), and after it the one to create a password (24 h).
/// </summary>
public static class CreateUser
{
    /// <param name="AccountRequestId">Set when the manager validated an account request (✓) with this form.</param>
    public sealed record Request(string? Civility, string? LastName, string? FirstName, string? Email, string? Phone, string? Function,
        EstablishmentGrant[]? Establishments, Guid? AccountRequestId = null);

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
        // An advisor validating a request of an establishment without a manager (✓) creates its first user.
        var advisorValidating = caller.Account.StaffRole == StaffRole.Advisor && request.AccountRequestId is not null;
        if (!advisorValidating && grants.Any(g => !caller.Manages(g.Siret!)
                            || (g.Habilitations.Contains(SharedKernel.Habilitations.Habilitation.Gestionnaire) && !caller.IsGestionnaireOf(g.Siret!))))
            return UserProblems.NotManager();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email!.Value.ToUpperInvariant(), cancellationToken)) return UserProblems.EmailTaken();

        var now = time.GetUtcNow();
        var user = UserAccount.Create(person!.Civility, person.FirstName, person.LastName, email!.Value, person.Phone, person.Function, now);
        user.NormalizedEmail = email.Value.ToUpperInvariant();
        user.NormalizedUserName = user.NormalizedEmail;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.PreferredSiret = grants[0].Siret;
        foreach (var (siret, habilitations) in grants.DistinctBy(g => g.Siret))
        {
            user.Accesses.Add(new EstablishmentAccess { UserId = user.Id, Siret = siret!, Habilitations = habilitations, GrantedAt = now });
            db.PublishOnCommit(new UserHabilitationsChanged(user.Id, user.Email!, user.FirstName, user.LastName, siret!,
                await EstablishmentNames.OfAsync(db, siret!, cancellationToken), [.. habilitations.Select(h => h.ToString())], [],
                caller.Account.Id, now), user.Id.ToString());
        }
        db.Users.Add(user);
        db.PublishOnCommit(new UserCreated(user.Id, user.Email!, user.FirstName, user.LastName, request.AccountRequestId, caller.Account.Id, now),
            user.Id.ToString());
        AuditTrail.Record(db, caller, user.Id, "UserCreated", null, null, UserSnapshot.Of(user), now);
        await links.RequestEmailConfirmationAsync(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/identity/users/{user.Id}", new Response(user.Id));
    }
}
