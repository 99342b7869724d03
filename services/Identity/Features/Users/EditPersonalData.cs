using Opco.SharedKernel.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Identity.Features.Users;

/// <summary>"Éditer les informations personnelles de l'utilisateur" (the e-mail is the user's own to change, from Mon profil).</summary>
public static class EditPersonalData
{
    public sealed record Request(string? Civility, string? LastName, string? FirstName, string? Phone, string? Function);

    public static RouteGroupBuilder MapEditPersonalData(this RouteGroupBuilder users)
    {
        users.MapPut("/{id:guid}", HandleAsync)
            .WithName("EditUser")
            .WithSummary("Edits a user's personal data.");
        return users;
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, UnauthorizedHttpResult>> HandleAsync(
        Guid id, Request request, HttpContext context, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        var user = await db.Users.Include(u => u.Accesses).SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, cancellationToken);
        if (user is null || !user.Accesses.Any(a => caller.Manages(a.Siret))) return TypedResults.NotFound();

        var errors = new FieldErrors();
        var data = PersonalData.Validate(request.Civility, request.LastName, request.FirstName, request.Phone, request.Function, errors);
        if (data is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Les informations saisies contiennent des erreurs.");

        var before = UserSnapshot.Of(user);
        (user.Civility, user.LastName, user.FirstName, user.PhoneNumber, user.Function) = (data.Civility, data.LastName, data.FirstName, data.Phone, data.Function);
        var now = time.GetUtcNow();
        AuditTrail.Record(db, caller, user.Id, "PersonalDataEdited", null, before, UserSnapshot.Of(user), now);
        db.PublishOnCommit(new UserContactChanged(user.Id, user.Email!, user.FirstName, user.LastName, now), user.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
