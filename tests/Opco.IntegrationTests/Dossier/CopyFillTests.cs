using Npgsql;
using Opco.IntegrationTests.Platform;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// A copy that appears after its source has data (companies, preferred establishments, users' rights) fills itself from a
/// snapshot when its service starts: tested on data written without any event, as it would be from before the copy
/// existed. Restarts the dossier service, so runs alone.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed class CopyFillTests(AppFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private OnboardingWorld? _world;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    [Fact]
    public async Task A_new_copy_fills_itself_from_companies_and_preferences_that_existed_before_it()
    {
        // Written without any event, as data from before the copy existed.
        var siren = await _world!.UnusedSirenAsync();
        var siret = FictionalIdentifiers.Siret(siren, 0);
        await _world.ExecuteAsync(
            "INSERT INTO companies (\"Siren\", \"Name\", \"SearchName\", \"Headcount\", \"ServiceOffer\", \"RegisteredAt\") VALUES (@id, 'ANCIENNE SARL', 'ancienne sarl', 7, NULL, now())",
            siren);
        var user = await SchemesTests.SignInAsync(fixture, _world, null, siret);
        await ExecuteAsync("identitydb", "UPDATE \"AspNetUsers\" SET \"PreferredSiret\" = @siret WHERE \"Id\" = @id", ("siret", siret), ("id", user.Id));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM member_companies WHERE siren = @p", siren));
        // Its rights too were written in identitydb without any event: the dossier service does not know them yet.
        var permissions = $"/api/dossier/establishments/{siret}/permissions";
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await user.Api.GetAsync(permissions)).StatusCode);

        // The copy as it is on the day it appears: never filled. It asks when the dossier service starts.
        await ExecuteAsync("dossierdb", "DELETE FROM copy_fills");
        await ServiceKill.KillAndWaitHealthyAsync(fixture, "dossier");

        await Eventually.HoldsAsync(async () => await CountAsync("SELECT count(*) FROM member_companies WHERE siren = @p AND headcount = 7", siren) == 1,
            Delivery, "the dossier service has the company registered before its copy existed");
        var offered = await SchemesTests.OfferedWhenAsync(user.Api, o => o.GetProperty("preferredSiret").GetString() == siret);
        Assert.True(SchemesTests.Scheme(offered, "Plan").GetProperty("offered").GetBoolean());
        await Eventually.HoldsAsync(async () => (await user.Api.GetAsync(permissions)).StatusCode == System.Net.HttpStatusCode.OK,
            Delivery, "the dossier service's copy of rights is filled from identity's snapshot");
        // Recorded: the next start finds both copies filled and asks nothing.
        Assert.Equal(3L, await CountAsync("SELECT count(*) FROM copy_fills WHERE copy_name IN ('member-companies', 'preferred-establishments', 'user-rights')", null));
    }

    private async Task ExecuteAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql, object? value)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("dossierdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (value is not null) command.Parameters.AddWithValue("p", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
