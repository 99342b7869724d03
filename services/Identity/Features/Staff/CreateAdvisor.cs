using Opco.SharedKernel.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;
using Opco.Identity.Features.Users;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Identity.Features.Staff;

/// <summary>Administrators create the OPCO's training advisors; they then get the same two e-mails as any new user.</summary>
public static class CreateAdvisor
{
    public sealed record Request(string? Civility, string? LastName, string? FirstName, string? Email, string? Phone);

    public static RouteGroupBuilder MapCreateAdvisor(this RouteGroupBuilder admin)
    {
        admin.MapPost("/advisors", HandleAsync)
            .WithName("CreateAdvisor")
            .WithSummary("Creates an OPCO advisor account (administrators).");
        return admin;
    }

    public static async Task<Results<Created<CreateUser.Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, HttpContext context, IdentityDbContext db, AccountLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Administrator.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return Administrator.Required();
        var errors = new FieldErrors();
        var person = PersonalData.Validate(request.Civility, request.LastName, request.FirstName, request.Phone, "Conseiller formation", errors);
        if (!EmailAddress.TryParse(request.Email, out var email)) errors.Add("email", "L'email n'est pas une adresse valide.");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Les informations saisies contiennent des erreurs.");
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email!.Value.ToUpperInvariant(), cancellationToken)) return UserProblems.EmailTaken();

        var now = time.GetUtcNow();
        var advisor = UserAccount.Create(person!.Civility, person.FirstName, person.LastName, email!.Value, person.Phone, person.Function, now);
        advisor.StaffRole = StaffRole.Advisor;
        advisor.NormalizedEmail = advisor.NormalizedUserName = email.Value.ToUpperInvariant();
        advisor.SecurityStamp = Guid.NewGuid().ToString("N");
        db.Users.Add(advisor);
        // Onboarding routes requests of the companies assigned to this advisor (by e-mail) to them.
        db.PublishOnCommit(new AdvisorRegistered(advisor.Id, advisor.Email!, advisor.FirstName, advisor.LastName, now), advisor.Id.ToString());
        AuditTrail.Record(db, caller, advisor.Id, "AdvisorCreated", null, null, UserSnapshot.Of(advisor), now);
        await links.RequestEmailConfirmationAsync(advisor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/identity/users/{advisor.Id}", new CreateUser.Response(advisor.Id));
    }
}
