using Opco.SharedKernel.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Identity.Data;
using Opco.Identity.Features.Users;
using Opco.SharedKernel;

namespace Opco.Identity.Features.Profile;

/// <summary>"Mon profil › Mes informations": read and edit one's own personal data.</summary>
public static class MyProfile
{
    public sealed record Response(Guid Id, string Civility, string LastName, string FirstName, string? Email, string? Phone, string? Function,
        string? PreferredSiret, string? StaffRole);

    public static RouteGroupBuilder MapMyProfile(this RouteGroupBuilder me)
    {
        me.MapGet("/", async Task<Results<Ok<Response>, UnauthorizedHttpResult>> (HttpContext context, IdentityDbContext db, CancellationToken ct) =>
            await Caller.LoadAsync(context.User, db, ct) is { Account: var u }
                ? TypedResults.Ok(new Response(u.Id, u.Civility.ToString(), u.LastName, u.FirstName, u.Email, u.PhoneNumber, u.Function,
                    u.PreferredSiret, u.StaffRole == Domain.StaffRole.None ? null : u.StaffRole.ToString()))
                : TypedResults.Unauthorized())
            .WithName("MyProfile")
            .WithSummary("The caller's personal data (Mon profil).");
        me.MapPut("/", EditAsync)
            .WithName("EditMyProfile")
            .WithSummary("Edits the caller's personal data (Mon profil).");
        return me;
    }

    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> EditAsync(
        EditPersonalData.Request request, HttpContext context, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        var errors = new FieldErrors();
        var data = PersonalData.Validate(request.Civility, request.LastName, request.FirstName, request.Phone, request.Function, errors);
        if (data is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Les informations saisies contiennent des erreurs.");

        var user = caller.Account;
        var before = UserSnapshot.Of(user);
        (user.Civility, user.LastName, user.FirstName, user.PhoneNumber, user.Function) = (data.Civility, data.LastName, data.FirstName, data.Phone, data.Function);
        AuditTrail.Record(db, caller, user.Id, "OwnPersonalDataEdited", null, before, UserSnapshot.Of(user), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
