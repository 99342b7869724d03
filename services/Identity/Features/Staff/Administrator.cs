using System.Security.Claims;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Users;

namespace Opco.Identity.Features.Staff;

public static class Administrator
{
    /// <summary>An OPCO administrator, checked against the account itself rather than a claim that may be minutes old.</summary>
    public static async Task<Caller?> LoadAsync(ClaimsPrincipal principal, IdentityDbContext db, CancellationToken cancellationToken) =>
        await Caller.LoadAsync(principal, db, cancellationToken) is { Account.StaffRole: StaffRole.Administrator } caller ? caller : null;

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Required() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Cette fonctionnalité est réservée aux administrateurs de l'OPCO.");
}
