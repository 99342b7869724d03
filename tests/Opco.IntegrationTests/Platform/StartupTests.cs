using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Opco.IntegrationTests.Platform;

public sealed class StartupTests(AppFixture fixture)
{
    public static TheoryData<string> Services => ["identity", "onboarding", "dossier", "finance", "notification", "web", "gateway"];

    public static TheoryData<string> ServicesWithDatabase => ["identity", "onboarding", "dossier", "finance", "notification"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_service_runs_healthy_in_the_Development_environment(string service)
    {
        var snapshot = await CurrentAsync(service);

        Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        Assert.Equal(HealthStatus.Healthy, snapshot.HealthStatus);
        Assert.Equal("Development", Variable(snapshot, "ASPNETCORE_ENVIRONMENT"));
        using var http = fixture.App.CreateHttpClient(service);
        Assert.Equal("Healthy", await http.GetStringAsync("/health", TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(ServicesWithDatabase))]
    public async Task A_service_runs_on_the_database_its_migration_job_prepared_with_Aspire_configuration(string service)
    {
        var migrations = await CurrentAsync($"{service}-migrations");
        var started = await CurrentAsync(service);

        Assert.Equal(KnownResourceStates.Finished, migrations.State?.Text);
        Assert.Equal(0, migrations.ExitCode);
        Assert.Equal(["--migrate"], ((IEnumerable<string>)migrations.Properties.First(property => property.Name == "resource.appArgs").Value!).ToArray());
        await using (var database = new Npgsql.NpgsqlConnection(fixture.App.GetConnectionString($"{service}db")))
        {
            await database.OpenAsync(TestContext.Current.CancellationToken);
            await using var applied = new Npgsql.NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", database);
            Assert.True((long)(await applied.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0);
        }
        Assert.StartsWith("Host=127.0.0.1;", Variable(started, $"ConnectionStrings__{service}db"));
        Assert.StartsWith("amqp://opco:", Variable(started, "ConnectionStrings__messaging"));
        Assert.NotNull(Variable(started, "OTEL_SERVICE_NAME"));
    }

    [Fact]
    public async Task Every_database_of_the_model_exists_and_is_running()
    {
        var model = fixture.App.Application.Services.GetRequiredService<DistributedApplicationModel>();
        var databases = model.Resources.Where(resource => resource.GetType().Name == "PostgresDatabaseResource").Select(resource => resource.Name).ToList();
        await using var connection = new Npgsql.NpgsqlConnection(fixture.App.GetConnectionString("postgres") + ";Database=postgres");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new Npgsql.NpgsqlCommand("SELECT datname FROM pg_database", connection);
        var existing = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                existing.Add(reader.GetString(0));

        Assert.Equal(["dossierdb", "financedb", "identitydb", "notificationdb", "onboardingdb"], databases.Order());
        foreach (var database in databases)
        {
            Assert.Contains(database, existing);
            Assert.Equal(KnownResourceStates.Running, (await CurrentAsync(database)).State?.Text);
        }
    }

    [Fact]
    public async Task MailDev_answers()
    {
        var messages = await fixture.App.MailDev.GetMessagesAsync("nobody@example.invalid");

        Assert.Empty(messages);
    }

    private Task<CustomResourceSnapshot> CurrentAsync(string resource) =>
        fixture.App.WaitForAsync(resource, _ => true, TestContext.Current.CancellationToken);

    private static string? Variable(CustomResourceSnapshot snapshot, string name) =>
        snapshot.EnvironmentVariables.FirstOrDefault(variable => variable.Name == name)?.Value;
}
