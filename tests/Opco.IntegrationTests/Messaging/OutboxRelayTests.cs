using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Opco.Messaging.Outbox;
using Opco.Testing.Messaging;
using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Messaging;

public sealed class OutboxRelayTests(AppFixture fixture)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_instances_relaying_at_once_publish_each_event_once_and_each_aggregate_in_commit_order()
    {
        var scenario = fixture.NewProbeScenario();
        var database = await scenario.DatabaseAsync();
        // One delivery at a time, so arrival order is the order the broker received them in.
        await using var consumer = await scenario.ConsumerAsync(database, bus =>
            bus.AddConsumer<ProbeReceiptConsumer>().Endpoint(endpoint => endpoint.ConcurrentMessageLimit = 1));
        await using var first = await scenario.ProducerAsync(database);
        await using var second = await scenario.ProducerAsync(database);
        const int aggregates = 10, perAggregate = 30;

        // Both instances commit, interleaved, and both relay the same table.
        await Task.WhenAll(Enumerable.Range(0, aggregates).Select(a => Task.Run(async () =>
        {
            for (var sequence = 0; sequence < perAggregate; sequence++)
                await (sequence % 2 == 0 ? first : second).CommitAsync(scenario.Event($"aggregate-{a}", sequence));
        })));

        await Eventually.HoldsAsync(() => Task.FromResult(consumer.Observations.For(scenario.Name).Count >= aggregates * perAggregate),
            Delivery, "every event arrives");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a duplicate to show up
        var receipts = consumer.Observations.For(scenario.Name);
        Assert.Equal(aggregates * perAggregate, receipts.Count);
        Assert.Equal(receipts.Count, receipts.Select(r => r.MessageId).Distinct().Count());
        foreach (var aggregate in receipts.GroupBy(r => r.Event.Aggregate))
            Assert.Equal(Enumerable.Range(0, perAggregate), aggregate.Select(r => r.Event.Sequence));
        Assert.Equal(0, await first.PendingCountAsync());
    }

    [Fact]
    public async Task Writers_of_one_aggregate_are_serialised_so_its_events_follow_commit_order()
    {
        var scenario = fixture.NewProbeScenario();
        var database = await scenario.DatabaseAsync();
        await using var consumer = await scenario.ConsumerAsync(database, bus =>
            bus.AddConsumer<ProbeReceiptConsumer>().Endpoint(endpoint => endpoint.ConcurrentMessageLimit = 1));
        await using var producer = await scenario.ProducerAsync(database);

        // The first writer of aggregate A saves its event inside a transaction it keeps open.
        await using var scope = producer.Services.CreateAsyncScope();
        var first = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        Task? secondOfA = null;
        await first.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await first.Database.BeginTransactionAsync();
            first.PublishOnCommit(scenario.Event("A", 0) with { CommittedAt = DateTimeOffset.UtcNow }, "A");
            await first.SaveChangesAsync();

            secondOfA = producer.CommitAsync(scenario.Event("A", 1));
            var otherAggregate = producer.CommitAsync(scenario.Event("B", 0));
            await otherAggregate.WaitAsync(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(secondOfA.IsCompleted, "a second writer of A must wait for the first to commit");

            await transaction.CommitAsync();
        });
        await secondOfA!.WaitAsync(TimeSpan.FromSeconds(5));
        await Eventually.HoldsAsync(() => Task.FromResult(consumer.Observations.For(scenario.Name).Count(r => r.Event.Aggregate == "A") == 2),
            Delivery, "both events of A arrive");
        Assert.Equal([0, 1], consumer.Observations.For(scenario.Name).Where(r => r.Event.Aggregate == "A").Select(r => r.Event.Sequence));
    }

    [Theory]
    [InlineData("identitydb"), InlineData("onboardingdb"), InlineData("dossierdb"), InlineData("financedb"), InlineData("notificationdb")]
    public async Task Every_service_database_draws_outbox_ids_in_commit_order(string database)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_trigger WHERE tgname = @name AND tgrelid = 'outbox_messages'::regclass", connection);
        command.Parameters.AddWithValue("name", OutboxCommitOrder.TriggerName);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_trace_of_the_commit_continues_in_the_consumer()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Opco.Messaging" or "MassTransit" or "Opco.IntegrationTests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var testSource = new ActivitySource("Opco.IntegrationTests");
        var scenario = fixture.NewProbeScenario();
        var database = await scenario.DatabaseAsync();
        await using var consumer = await scenario.ConsumerAsync(database, bus => bus.AddConsumer<ProbeReceiptConsumer>());
        await using var producer = await scenario.ProducerAsync(database);

        ActivityTraceId traceId;
        using (var request = testSource.StartActivity("POST /request"))
        {
            traceId = request!.TraceId;
            await producer.CommitAsync(scenario.Event("traced", 0));
        }

        await Eventually.HoldsAsync(() => Task.FromResult(consumer.Observations.For(scenario.Name).Count == 1), Delivery, "the event arrives");
        Assert.Equal(traceId, consumer.Observations.For(scenario.Name)[0].TraceId);
    }

    [Fact]
    public async Task Health_is_degraded_above_the_backlog_threshold_and_sent_rows_are_purged_after_retention()
    {
        var scenario = fixture.NewProbeScenario();
        var database = await scenario.DatabaseAsync();
        await using (var stalled = await scenario.ProducerAsync(database, new Dictionary<string, string?>
               {
                   ["Messaging:Outbox:RelayEnabled"] = "false",
                   ["Messaging:Outbox:DegradedBacklog"] = "2",
               }))
        {
            for (var i = 0; i < 3; i++) await stalled.CommitAsync(scenario.Event("backlog", i));
            var report = await stalled.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "outbox");
            Assert.Equal(HealthStatus.Degraded, report.Status);
            Assert.Equal(3L, report.Entries["outbox"].Data["pending"]);
        }

        await using var relaying = await scenario.ProducerAsync(database, new Dictionary<string, string?>
        {
            ["Messaging:Outbox:Retention"] = "00:00:01",
            ["Messaging:Outbox:PurgeInterval"] = "00:00:01",
        });
        await Eventually.HoldsAsync(async () => await relaying.PendingCountAsync() == 0, Delivery, "the backlog is relayed");
        var healthy = await relaying.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "outbox");
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        await Eventually.HoldsAsync(async () => await relaying.QueryAsync(db => Task.FromResult(db.OutboxMessages.Count())) == 0,
            Delivery, "sent rows are purged once their retention is over");
    }
}
