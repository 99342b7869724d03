using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Opco.IntegrationTests.Platform;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// The acceptance saga across outages: finance is down when the advisor accepts, then the dossier service is down when
/// finance answers. Each side keeps its state in its database and its messages in its outbox and the broker's queues,
/// so the dossier ends accepted with exactly one commitment. Stops services, so runs alone.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed class AcceptanceOutageTests(AppFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync()
    {
        // Whatever failed, the next tests find both services running.
        try
        {
            await StartAsync("finance");
        }
        finally
        {
            try
            {
                await StartAsync("dossier");
            }
            finally
            {
                if (_world is not null) await _world.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_acceptance_asked_while_finance_is_down_and_answered_while_the_dossier_service_is_down_ends_accepted_with_one_commitment()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 1000m);
        var (id, _) = await World.CompleteDossierAsync(manager, company.Siret);
        await Json(await manager.PostAsync($"{Dossiers(company.Siret)}/{id}/transmission", null));
        await RunNightlyAsync(administrator);

        await StopAsync("finance");
        var pending = await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/acceptance", new { grantedAmount = 300m }));
        Assert.Equal("AcceptancePending", pending.GetProperty("status").GetString());
        // The request has left the dossier service's outbox for the broker, where it waits for finance.
        await Eventually.HoldsAsync(async () => await World.CountAsync("dossierdb",
                "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @p AND message_type LIKE '%CommitmentRequested%' AND sent_at IS NOT NULL", id.ToString()) == 1,
            Delivery, "the commitment request is handed to the broker");

        await StopAsync("dossier");
        await StartAsync("finance");
        await Eventually.HoldsAsync(async () => await World.CountAsync("financedb",
                "SELECT count(*) FROM ledger_entries WHERE \"CauseId\" = @p AND \"Kind\" = 'Commitment'", id) == 1,
            Outage, "finance records the commitment once it is back");
        // Finance has answered, but the dossier service is down: its dossier still says it waits for the answer.
        Assert.Equal("AcceptancePending", await StatusInDatabaseAsync(id));

        await StartAsync("dossier");
        await Eventually.HoldsAsync(async () => (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("status").GetString() == "Accepted",
            Outage, "the dossier service applies finance's answer once it is back");
        var figures = await FiguresAsync(administrator, company.Siren);
        Assert.Equal((300m, 700m), (figures.GetProperty("openCommitments").GetDecimal(), figures.GetProperty("availableForCommitment").GetDecimal()));
        Assert.Equal(1L, await World.CountAsync("financedb", "SELECT count(*) FROM ledger_entries WHERE \"CauseId\" = @p AND \"Kind\" = 'Commitment'", id));
        Assert.Equal(1L, await World.CountAsync("dossierdb",
            "SELECT count(*) FROM dossier_history WHERE \"DossierId\" = @p AND \"To\" = 'Accepted'", id));
    }

    private async Task<string> StatusInDatabaseAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("dossierdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Status\" FROM dossiers WHERE \"Id\" = @p", connection);
        command.Parameters.AddWithValue("p", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops a service as the dashboard's Stop does (it then stays stopped) and waits until it has exited.</summary>
    private async Task StopAsync(string resource)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StopCommand);
        using var timeout = new CancellationTokenSource(Outage);
        await fixture.App.WaitForAsync(resource, s => IsStopped(s.State?.Text), timeout.Token);
    }

    /// <summary>Starts a stopped service and waits until it is healthy; a running one is left alone.</summary>
    private async Task StartAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(Outage);
        // A service still stopping or starting is waited for first: only a settled state says whether to start it.
        var current = await fixture.App.WaitForAsync(resource,
            s => s.State?.Text == KnownResourceStates.Running || IsStopped(s.State?.Text) || s.State?.Text == KnownResourceStates.FailedToStart,
            timeout.Token);
        if (current.State?.Text != KnownResourceStates.Running) await ExecuteAsync(resource, KnownResourceCommands.StartCommand);
        await fixture.App.WaitForAsync(resource, s => s.State?.Text == KnownResourceStates.Running
            && s.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, timeout.Token);
    }

    private static bool IsStopped(string? state) => state == KnownResourceStates.Exited || state == KnownResourceStates.Finished;

    private async Task ExecuteAsync(string resource, string command)
    {
        var commands = fixture.App.Application.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} {resource}: {result.Message}");
    }
}
