using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Features.Users;

/// <summary>
/// Attaches a user to an establishment the caller manages, changes the ticked accesses there, or detaches them
/// (an empty list). Other services learn it at once through UserHabilitationsChanged.
/// </summary>
public static class SetHabilitations
{
    public sealed record Request(string[]? Habilitations);

    public static RouteGroupBuilder MapSetHabilitations(this RouteGroupBuilder users)
    {
        users.MapPut("/{id:guid}/establishments/{siret}", HandleAsync)
            .WithName("SetHabilitations")
            .WithSummary("Sets a user's habilitations on an establishment; an empty list detaches them.");
        return users;
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> HandleAsync(
        Guid id, string siret, Request request, HttpContext context, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        var errors = new FieldErrors();
        var (validSiret, habilitations) = new EstablishmentGrant(siret, request.Habilitations).Validate("habilitations", errors, allowEmpty: true);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Les accès saisis contiennent des erreurs.");
        if (!caller.Manages(validSiret!)) return UserProblems.NotManager();

        return await ManagerGuard.SerializedAsync<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>>(db, async lockEstablishments =>
        {
            var user = await db.Users.Include(u => u.Accesses).SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, cancellationToken);
            // Only users already on one of the caller's establishments can be reached (an id alone is not enough), never staff.
            if (user is null || user.StaffRole != StaffRole.None || !user.Accesses.Any(a => caller.Manages(a.Siret))) return TypedResults.NotFound();
            var before = UserSnapshot.Of(user);
            var access = user.Accesses.SingleOrDefault(a => a.Siret == validSiret);
            var previous = access?.Habilitations.ToList() ?? [];
            if (user.Id == caller.Account.Id && habilitations.Except(previous).Any()) return UserProblems.NotManager();
            if (!caller.MayGrant(validSiret!, previous.Except(habilitations).Union(habilitations.Except(previous))))
                return UserProblems.NotManager();
            await lockEstablishments([validSiret!]);
            if (previous.Contains(Habilitation.Gestionnaire) && !habilitations.Contains(Habilitation.Gestionnaire)
                && await ManagerGuard.WouldLoseLastManagerAsync(db, validSiret!, user.Id, cancellationToken))
                return UserProblems.LastManager();

            var now = time.GetUtcNow();
            if (habilitations.Count == 0)
            {
                if (access is not null) user.Accesses.Remove(access);
                // The preferred establishment must stay one the user can access.
                if (user.PreferredSiret == validSiret) user.PreferredSiret = user.Accesses.FirstOrDefault()?.Siret;
            }
            else if (access is null)
                user.Accesses.Add(new EstablishmentAccess { UserId = user.Id, Siret = validSiret!, Habilitations = habilitations, GrantedAt = now });
            else access.Habilitations = habilitations;

            var name = await EstablishmentNames.OfAsync(db, validSiret!, cancellationToken);
            db.PublishOnCommit(new UserHabilitationsChanged(user.Id, user.Email!, user.FirstName, user.LastName, validSiret!, name,
                [.. habilitations.Select(h => h.ToString())], [.. previous.Select(h => h.ToString())], caller.Account.Id, now), user.Id.ToString());
            if (access is null && habilitations.Count > 0)
                db.PublishOnCommit(new UserAttachedToEstablishment(user.Id, user.Email!, user.FirstName, user.LastName, validSiret!, name,
                    [.. habilitations.Select(h => h.ToString())], now), user.Id.ToString());
            AuditTrail.Record(db, caller, user.Id, habilitations.Count == 0 ? "EstablishmentDetached" : "HabilitationsChanged",
                validSiret, before, UserSnapshot.Of(user), now);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.NoContent();
        }, cancellationToken);
    }
}
