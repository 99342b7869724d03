using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;
using Opco.SharedKernel.People;

namespace Opco.Identity.Features.Users;

/// <summary>
/// Creating a user with their first accesses, and giving an existing one accesses on an establishment: the same events,
/// audit and e-mails whether a manager clicked "Ajouter" or identity carries out an accepted account request. Callers
/// have checked who may; this only records it, in the caller's transaction.
/// </summary>
public static class UserProvisioning
{
    /// <summary>The new user gets the e-mail to confirm the address (48 h), and after it the one to create a password.</summary>
    public static async Task<UserAccount> CreateAsync(IdentityDbContext db, AccountLinks links, Caller by, PersonalData person, EmailAddress email,
        IReadOnlyList<(string Siret, List<Habilitation> Habilitations)> grants, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = UserAccount.Create(person.Civility, person.FirstName, person.LastName, email.Value, person.Phone, person.Function, now);
        user.NormalizedEmail = email.Value.ToUpperInvariant();
        user.NormalizedUserName = user.NormalizedEmail;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.PreferredSiret = grants[0].Siret;
        foreach (var (siret, habilitations) in grants.DistinctBy(g => g.Siret))
        {
            user.Accesses.Add(new EstablishmentAccess { UserId = user.Id, Siret = siret, Habilitations = habilitations, GrantedAt = now });
            db.PublishOnCommit(new UserHabilitationsChanged(user.Id, user.Email!, user.FirstName, user.LastName, siret,
                await EstablishmentNames.OfAsync(db, siret, cancellationToken), [.. habilitations.Select(h => h.ToString())], [],
                by.Account.Id, now), user.Id.ToString());
        }
        db.Users.Add(user);
        db.PublishOnCommit(new UserCreated(user.Id, user.Email!, user.FirstName, user.LastName, by.Account.Id, now), user.Id.ToString());
        AuditTrail.Record(db, by, user.Id, "UserCreated", null, null, UserSnapshot.Of(user), now);
        await links.RequestEmailConfirmationAsync(user, cancellationToken);
        return user;
    }

    /// <summary>
    /// Adds <paramref name="habilitations"/> to what the user holds on the establishment (attaching them when they hold
    /// nothing there yet, with the "account attached" e-mail). False when they already held all of them.
    /// </summary>
    public static async Task<bool> GrantAsync(IdentityDbContext db, Caller by, UserAccount user, string siret, IReadOnlyList<Habilitation> habilitations,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var access = user.Accesses.SingleOrDefault(a => a.Siret == siret);
        var previous = access?.Habilitations.ToList() ?? [];
        var granted = previous.Union(habilitations).Distinct().Order().ToList();
        if (access is not null && granted.Count == previous.Count) return false;

        var before = UserSnapshot.Of(user);
        if (access is null)
            user.Accesses.Add(new EstablishmentAccess { UserId = user.Id, Siret = siret, Habilitations = granted, GrantedAt = now });
        else access.Habilitations = granted;
        user.PreferredSiret ??= siret;
        var name = await EstablishmentNames.OfAsync(db, siret, cancellationToken);
        db.PublishOnCommit(new UserHabilitationsChanged(user.Id, user.Email!, user.FirstName, user.LastName, siret, name,
            [.. granted.Select(h => h.ToString())], [.. previous.Select(h => h.ToString())], by.Account.Id, now), user.Id.ToString());
        if (access is null)
            db.PublishOnCommit(new UserAttachedToEstablishment(user.Id, user.Email!, user.FirstName, user.LastName, siret, name,
                [.. granted.Select(h => h.ToString())], now), user.Id.ToString());
        AuditTrail.Record(db, by, user.Id, "HabilitationsChanged", siret, before, UserSnapshot.Of(user), now);
        return true;
    }
}
