using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Opco.SharedKernel;
using Opco.Contracts.Identity;
using Opco.Identity.Domain;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;
using Opco.Onboarding.Features.Registry;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Support;

/// <summary>
/// Arranges the onboarding scenarios on the running system: companies written in the registry (and published, as the
/// registry does), managers and advisors created in identity and announced on the broker as identity does, each
/// signed in through the gateway with a real token.
/// </summary>
public sealed class OnboardingWorld : IAsyncDisposable
{
    public const string AllApis = "openid profile email onboarding identity notification";
    private static readonly TimeSpan CopyDelay = TimeSpan.FromSeconds(30);

    private readonly AppFixture _fixture;
    private readonly string _onboardingDb;

    private OnboardingWorld(AppFixture fixture, BrokerPublisher broker)
    {
        _fixture = fixture;
        _onboardingDb = fixture.App.GetConnectionString("onboardingdb");
        Broker = broker;
        Users = new IdentityUsers(fixture.App.GetConnectionString("identitydb"));
        Gateway = fixture.App.CreateHttpClient("gateway");
    }

    public IdentityUsers Users { get; }
    public BrokerPublisher Broker { get; }
    /// <summary>An anonymous visitor's client.</summary>
    public HttpClient Gateway { get; }

    public static async Task<OnboardingWorld> StartAsync(AppFixture fixture) =>
        new(fixture, await BrokerPublisher.StartAsync(fixture.App.GetConnectionString("messaging")));

    /// <summary>A company with <paramref name="sites"/> establishments (the first is the head office), written and published.</summary>
    public async Task<TestCompany> CompanyAsync(string? name = null, string? advisorEmail = null, int sites = 1, bool closeLast = false,
        int? headcount = 12, string? serviceOffer = null)
    {
        var siren = await UnusedSirenAsync();
        var (company, errors) = Company.Register(new CompanyDetails(siren, name ?? $"ENTREPRISE {UniqueWord()} SAS", headcount, serviceOffer,
            advisorEmail), DateTimeOffset.UtcNow);
        Assert.True(errors.IsEmpty, string.Join(", ", errors.ToDictionary().Keys));
        for (var i = 0; i < sites; i++)
            Assert.NotNull(company!.AddEstablishment(new EstablishmentDetails(FictionalIdentifiers.Siret(siren, i),
                i == 0 ? $"{company.Name} – Siège" : $"{company.Name} – Agence {i}", $"{i + 1} rue des Essais", "69003", "LYON")).Establishment);
        if (closeLast) company!.Establishments[^1].Close(new DateOnly(2025, 6, 30));

        await using var db = Db();
        var now = DateTimeOffset.UtcNow;
        db.Companies.Add(company!);
        RegistryEvents.CompanyRegistered(db, company!, now);
        foreach (var establishment in company!.Establishments) RegistryEvents.EstablishmentRegistered(db, company, establishment, now);
        await db.SaveChangesAsync();
        return new TestCompany(company.Siren, company.Name, [.. company.Establishments.Select(e => e.Siret)],
            [.. company.Establishments.Select(e => e.Name)]);
    }

    /// <summary>A user with these habilitations (Gestionnaire by default) on each SIRET, known to onboarding's copies, signed in.</summary>
    public async Task<Person> ManagerAsync(string lastName, string[] sirets, params Habilitation[] habilitations)
    {
        var held = habilitations.Length == 0 ? [Habilitation.Gestionnaire] : habilitations;
        var account = await Users.CreateAsync(TestEmails.Unique(lastName.ToLowerInvariant()), u => (u.LastName, u.FirstName) = (lastName, "Claire"),
            sirets.ToDictionary(s => s, _ => held));
        foreach (var siret in sirets)
            await Broker.PublishAsync(new UserHabilitationsChanged(account.Id, account.Email!, account.FirstName, account.LastName, siret, siret,
                [.. held.Select(h => h.ToString())], [], Guid.NewGuid(), DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await CountAsync("SELECT count(*) FROM user_habilitations WHERE user_id = @id", account.Id) == sirets.Length
                                                && await CountAsync("SELECT count(*) FROM known_accounts WHERE user_id = @id", account.Id) == 1,
            CopyDelay, "onboarding knows the manager");
        return await SignInAsync(account);
    }

    /// <summary>An OPCO training advisor, announced as identity does and signed in.</summary>
    public async Task<Person> AdvisorAsync()
    {
        var account = await Users.CreateAsync(TestEmails.Unique("conseiller"), u =>
        {
            (u.LastName, u.FirstName) = ("Conseiller", "Karim");
            u.StaffRole = StaffRole.Advisor;
        });
        await Broker.PublishAsync(new AdvisorRegistered(account.Id, account.Email!, account.FirstName, account.LastName, DateTimeOffset.UtcNow),
            Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await CountAsync("SELECT count(*) FROM known_accounts WHERE user_id = @id AND is_advisor", account.Id) == 1,
            CopyDelay, "onboarding knows the advisor");
        return await SignInAsync(account);
    }

    public async Task<Person> SignInAsync(UserAccount account)
    {
        using var oidc = new OidcClient(_fixture.App.GetEndpoint("gateway"), "opco-web", _fixture.App.GetParameter("web-client-secret"));
        var outcome = await oidc.SignInWithCodeAsync(account.Email!, IdentityUsers.Password, AllApis);
        var token = outcome.Tokens?.GetProperty("access_token").GetString() ?? throw new InvalidOperationException(outcome.RefusalPage);
        var api = _fixture.App.CreateHttpClient("gateway");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Person(account, api);
    }

    public static Dictionary<string, object?> DefiForm(string email, string siret) => new()
    {
        ["form"] = "Defi", ["lastName"] = "Dupont", ["firstName"] = "Jeanne", ["siret"] = siret, ["email"] = email, ["emailConfirmation"] = email,
    };

    public static Dictionary<string, object?> WizardForm(string email, string siret) => new()
    {
        ["form"] = "Wizard", ["email"] = email, ["civility"] = "Madame", ["jobTitle"] = "Project manager", ["lastName"] = "Debuire",
        ["firstName"] = "Isabelle", ["phone"] = "06 00 00 00 00", ["siret"] = siret, ["role"] = "Administrateur de l'établissement",
    };

    public async Task<Guid> SubmitAsync(Dictionary<string, object?> form)
    {
        var response = await Gateway.PostAsJsonAsync("/api/onboarding/account-requests", form);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
    }

    public async Task<string?> StatusAsync(Guid requestId)
    {
        await using var connection = new NpgsqlConnection(_onboardingDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Status\" FROM account_requests WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", requestId);
        return (string?)await command.ExecuteScalarAsync();
    }

    public async Task<long> CountAsync(string sql, object value)
    {
        await using var connection = new NpgsqlConnection(_onboardingDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, object value)
    {
        await using var connection = new NpgsqlConnection(_onboardingDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A word no other company name contains, to find one's own company among everyone's.</summary>
    public static string UniqueWord() => new([.. Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('A' + b % 26))]);

    public async Task<string> UnusedSirenAsync()
    {
        while (true)
        {
            var siren = FictionalIdentifiers.Siren(Random.Shared);
            if (await CountAsync("SELECT count(*) FROM companies WHERE \"Siren\" = @id", siren) == 0) return siren;
        }
    }

    private OnboardingDbContext Db() => new(new DbContextOptionsBuilder<OnboardingDbContext>().UseNpgsql(_onboardingDb).Options);

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        await Users.DisposeAsync();
        Gateway.Dispose();
    }
}

public sealed record TestCompany(string Siren, string Name, IReadOnlyList<string> Sirets, IReadOnlyList<string> Names);

public sealed record Person(UserAccount Account, HttpClient Api)
{
    public Guid Id => Account.Id;
    public string Email => Account.Email!;
}
