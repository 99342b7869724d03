using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Identity.Data;
using Opco.Identity.Features.Lifecycle;
using Opco.Identity.Features.Users;
using Opco.SharedKernel;

namespace Opco.Identity.Features.Profile;

/// <summary>"Mes informations": a new e-mail replaces the login only once the link sent to it has been followed.</summary>
public static class ChangeEmail
{
    public sealed record Request(string? Email);

    public static RouteGroupBuilder MapChangeEmail(this RouteGroupBuilder me)
    {
        me.MapPost("/email", HandleAsync)
            .WithName("ChangeMyEmail")
            .WithSummary("Asks for a new e-mail address, applied once confirmed from it.");
        return me;
    }

    public static async Task<Results<Accepted, ValidationProblem, UnauthorizedHttpResult>> HandleAsync(
        Request request, HttpContext context, IdentityDbContext db, AccountLinks links, CancellationToken cancellationToken)
    {
        var caller = await Caller.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return TypedResults.Unauthorized();
        if (!EmailAddress.TryParse(request.Email, out var email))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["L'email n'est pas une adresse valide."] },
                title: "L'adresse email n'a pas été modifiée.");
        // The same answer whether or not the address is taken, so this cannot probe who has an account; a taken
        // address gets no link, and the confirmation page checks again.
        if (!await db.Users.AnyAsync(u => u.NormalizedEmail == email!.Value.ToUpperInvariant(), cancellationToken))
        {
            caller.Account.PendingEmail = email!.Value;
            await links.RequestEmailChangeAsync(caller.Account, email.Value, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Accepted((string?)null);
    }
}
