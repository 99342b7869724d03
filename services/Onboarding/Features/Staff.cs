using Opco.SharedKernel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization;
using Opco.Onboarding.Data;

namespace Opco.Onboarding.Features;

/// <summary>An OPCO advisor or administrator calling; the registry and requests to extend it are theirs to keep.</summary>
public sealed record Staff(Guid UserId, bool IsAdvisor, string? Email)
{
    public static async Task<Staff?> LoadAsync(ClaimsPrincipal principal, OnboardingDbContext db, CancellationToken cancellationToken)
    {
        if (principal.UserId() is not { } userId || !(principal.IsAdvisor() || principal.IsAdministrator())) return null;
        if (await db.UserStatuses.AnyAsync(s => s.UserId == userId && !s.IsActive, cancellationToken)) return null;
        var email = await db.KnownAccounts.Where(a => a.UserId == userId).Select(a => a.Email).SingleOrDefaultAsync(cancellationToken)
                    ?? principal.FindFirstValue("email")?.ToLowerInvariant();
        return new Staff(userId, principal.IsAdvisor(), email);
    }

    public static ProblemHttpResult Required() =>
        Problems.Forbidden("Cette fonctionnalité est réservée aux conseillers formation de l'OPCO.");
}
