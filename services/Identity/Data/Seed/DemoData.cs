using Opco.SharedKernel.People;
using Microsoft.AspNetCore.Identity;
using Opco.Contracts.Identity;
using Opco.Identity.Domain;
using Opco.Messaging.Outbox;
using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Data.Seed;

/// <summary>
/// Run mode only (Seed:DemoData): an OPCO administrator, an advisor, a manager on both establishments of ATELIER DÉMO
/// (onboarding's demo registry) and a user with only "Prise en charge" on one. Fictional people; their sign-in details
/// are printed at start-up. Their creation is published like any other, so every service's copies know them.
/// </summary>
public sealed class DemoData(IdentityDbContext db, UserManager<UserAccount> users, IConfiguration configuration, TimeProvider time,
    ILogger<DemoData> logger) : IDataSeeder
{
    public const string Password = "Portail-demo-2026";
    private const string HeadOffice = "73282932000074";
    private const string Branch = "73282932000090";

    private static readonly (string Email, Civility Civility, string First, string Last, string Function, StaffRole Staff, (string Siret, Habilitation[] Rights)[] Accesses)[] People =
    [
        ("admin@opco-demo.fr", Civility.Madame, "Agnès", "Martin", "Administratrice OPCO", StaffRole.Administrator, []),
        ("conseiller@opco-demo.fr", Civility.Monsieur, "Karim", "Benali", "Conseiller formation", StaffRole.Advisor, []),
        ("gestionnaire@atelier-demo.fr", Civility.Madame, "Claire", "Dubois", "DRH", StaffRole.None,
            [(HeadOffice, [Habilitation.Gestionnaire]), (Branch, [Habilitation.Gestionnaire])]),
        ("utilisateur@atelier-demo.fr", Civility.Monsieur, "Thomas", "Leroy", "Assistant formation", StaffRole.None,
            [(HeadOffice, [Habilitation.PriseEnCharge])]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:DemoData")) return;

        foreach (var person in People)
        {
            if (await users.FindByEmailAsync(person.Email) is null)
            {
                var user = UserAccount.Create(person.Civility, person.First, person.Last, person.Email, "+33472000000", person.Function, time.GetUtcNow());
                user.EmailConfirmed = true;
                user.StaffRole = person.Staff;
                user.PreferredSiret = person.Accesses.FirstOrDefault().Siret;
                foreach (var (siret, rights) in person.Accesses)
                    user.Accesses.Add(new EstablishmentAccess { UserId = user.Id, Siret = siret, Habilitations = [.. rights], GrantedAt = time.GetUtcNow() });
                Announce(user);
                // The user store saves through the same context: the account and its events commit together.
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            logger.LogInformation("Demo sign-in: {Email} / {Password} ({Function})", person.Email, Password, person.Function);
        }
    }

    /// <summary>As the API would: other services learn of the accounts, their rights and the advisor.</summary>
    private void Announce(UserAccount user)
    {
        var now = time.GetUtcNow();
        var id = user.Id.ToString();
        if (user.StaffRole == StaffRole.Advisor)
            db.PublishOnCommit(new AdvisorRegistered(user.Id, user.Email!, user.FirstName, user.LastName, now), id);
        db.PublishOnCommit(new UserCreated(user.Id, user.Email!, user.FirstName, user.LastName, user.Id, now), id);
        // The names of the establishments are onboarding's: its registry publishes them to identity's copy.
        foreach (var access in user.Accesses)
            db.PublishOnCommit(new UserHabilitationsChanged(user.Id, user.Email!, user.FirstName, user.LastName, access.Siret, access.Siret,
                [.. access.Habilitations.Select(h => h.ToString())], [], user.Id, now), id);
    }
}
