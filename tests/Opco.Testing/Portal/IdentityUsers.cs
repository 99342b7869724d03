using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.SharedKernel.Habilitations;
using Opco.SharedKernel.People;

namespace Opco.Testing.Portal;

/// <summary>Arranges accounts straight in identitydb with ASP.NET Core Identity's own hashing, for tests of sign-in.</summary>
public sealed class IdentityUsers(string identityDbConnectionString) : IAsyncDisposable
{
    private readonly ServiceProvider _services = Build(identityDbConnectionString);

    public const string Password = "Vacances-au-ski-2026";

    public async Task<UserAccount> CreateAsync(string email, Action<UserAccount>? arrange = null,
        IReadOnlyDictionary<string, Habilitation[]>? accesses = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = UserAccount.Create(Civility.Madame, "Jeanne", "Testeuse", email, "+33600000000", "DRH", DateTimeOffset.UtcNow);
        user.EmailConfirmed = true;
        foreach (var (siret, habilitations) in accesses ?? new Dictionary<string, Habilitation[]>())
        {
            // The API would refuse it: an invalid SIRET here would make a test pass or fail for the wrong reason.
            if (!Opco.SharedKernel.Siret.TryParse(siret, out _)) throw new ArgumentException($"{siret} is not a valid SIRET.", nameof(accesses));
            user.Accesses.Add(new EstablishmentAccess { UserId = user.Id, Siret = siret, Habilitations = [.. habilitations], GrantedAt = DateTimeOffset.UtcNow });
        }
        arrange?.Invoke(user);
        var result = user.MustCreatePassword ? await users.CreateAsync(user) : await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>Identity's local copy of an establishment, as onboarding's events would have written it.</summary>
    public async Task AddEstablishmentAsync(string siret, string name, string companyName, bool isHeadOffice = false, DateOnly? closedOn = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        db.Establishments.Add(new Establishment
        {
            Siret = siret, Siren = siret[..9], Name = name, CompanyName = companyName, IsHeadOffice = isHeadOffice, ClosedOn = closedOn,
        });
        await db.SaveChangesAsync();
    }

    public async Task<UserAccount> FindAsync(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    public async Task<UserAccount?> FindByEmailAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var normalized = email.ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized);
    }

    private static ServiceProvider Build(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<IdentityDbContext>(options => options.UseNpgsql(connectionString));
        services.AddIdentityCore<UserAccount>().AddEntityFrameworkStores<IdentityDbContext>();
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
