using Opco.SharedKernel;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;
using Opco.SharedKernel.Habilitations;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>
/// Who may see and decide account requests: a manager (allowed "Gérer les utilisateurs") of the establishment; an
/// advisor for the establishments without such a manager in the companies assigned to them (or assigned to nobody).
/// Read from the local copies of identity's rights and accounts.
/// </summary>
public static class Deciders
{
    private static readonly string[] ManagerHabilitations = [.. RequestRouting.ManagerHabilitations];

    public static async Task<DecidingCaller?> LoadAsync(ClaimsPrincipal principal, OnboardingDbContext db, CancellationToken cancellationToken)
    {
        if (principal.UserId() is not { } userId) return null;
        return await LoadAsync(db, userId, principal.IsAdvisor(), principal.FindFirstValue("email"), cancellationToken);
    }

    /// <summary>The same for a user known by id only (e.g. the creator announced by identity's UserCreated).</summary>
    public static async Task<DecidingCaller?> LoadAsync(OnboardingDbContext db, Guid userId, bool? isAdvisor, string? tokenEmail,
        CancellationToken cancellationToken)
    {
        if (await db.UserStatuses.AnyAsync(s => s.UserId == userId && !s.IsActive, cancellationToken)) return null;
        var account = await db.KnownAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        var rights = await db.UserHabilitations.AsNoTracking().Where(h => h.UserId == userId)
            .Select(h => new { h.Siret, h.Habilitations }).ToListAsync(cancellationToken);
        var advisor = isAdvisor ?? account?.IsAdvisor ?? false;
        return new DecidingCaller(userId, account?.DisplayName ?? "", advisor,
            advisor ? account?.Email ?? tokenEmail?.ToLowerInvariant() : null,
            rights.Where(r => r.Habilitations.Any(ManagerHabilitations.Contains)).Select(r => r.Siret).ToHashSet(),
            rights.Where(r => r.Habilitations.Contains(nameof(Habilitation.Gestionnaire))).Select(r => r.Siret).ToHashSet());
    }

    /// <summary>The requests the caller may see and decide on, whatever their status.</summary>
    /// <param name="disregardedManager">A user not to count as a manager: the one the advisor has just created from the request.</param>
    public static IQueryable<AccountRequest> VisibleTo(this IQueryable<AccountRequest> requests, OnboardingDbContext db, DecidingCaller caller,
        Guid? disregardedManager = null)
    {
        var managed = caller.ManagedSirets.ToList();
        var advisorEmail = caller.AdvisorEmail;
        var isAdvisor = caller.IsAdvisor;
        return requests.Where(r => managed.Contains(r.Siret)
            || (isAdvisor
                && db.Establishments.Any(e => e.Siret == r.Siret
                    && db.Companies.Any(c => c.Siren == e.Siren && (c.AdvisorEmail == null || c.AdvisorEmail == advisorEmail)))
                && !db.UserHabilitations.Any(h => h.Siret == r.Siret && h.UserId != disregardedManager && h.Habilitations.Any(x => ManagerHabilitations.Contains(x))
                    && !db.UserStatuses.Any(s => s.UserId == h.UserId && !s.IsActive))));
    }

    /// <summary>The active managers of an establishment whose address the copy knows.</summary>
    public static Task<List<Decider>> ManagersAsync(OnboardingDbContext db, string siret, CancellationToken cancellationToken) =>
        db.UserHabilitations.AsNoTracking()
            .Where(h => h.Siret == siret && h.Habilitations.Any(x => ManagerHabilitations.Contains(x))
                        && !db.UserStatuses.Any(s => s.UserId == h.UserId && !s.IsActive))
            .Join(db.KnownAccounts.Where(a => a.Email != null), h => h.UserId, a => a.UserId,
                (h, a) => new Decider(a.UserId, a.Email!, a.FirstName, a.LastName))
            .ToListAsync(cancellationToken);

    /// <summary>The company's advisor, once identity has announced their account.</summary>
    public static async Task<Decider?> AdvisorAsync(OnboardingDbContext db, string? advisorEmail, CancellationToken cancellationToken) =>
        advisorEmail is null
            ? null
            : await db.KnownAccounts.AsNoTracking().Where(a => a.Email == advisorEmail && a.IsAdvisor)
                .Select(a => new Decider(a.UserId, a.Email!, a.FirstName, a.LastName)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The people a request goes to now: managers, else the advisor.</summary>
    public static async Task<(RoutedTo RoutedTo, IReadOnlyList<Decider> Recipients)> RouteAsync(OnboardingDbContext db, string siret,
        string? advisorEmail, CancellationToken cancellationToken) =>
        RequestRouting.Route(await ManagersAsync(db, siret, cancellationToken), await AdvisorAsync(db, advisorEmail, cancellationToken));
}
