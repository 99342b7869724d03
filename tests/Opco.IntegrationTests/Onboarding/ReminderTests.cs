using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>
/// Requests left pending for 7 days remind their deciders, once per 7 days. The job runs every 2 s in test mode; the
/// test ages its request in the database rather than waiting a week.
/// </summary>
public sealed class ReminderTests(AppFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_request_pending_for_seven_days_reminds_its_managers_once_a_week()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Rappel", [company.Sirets[0]]);
        var requestId = await World.SubmitAsync(OnboardingWorld.DefiForm(TestEmails.Unique("oubliee"), company.Sirets[0]));
        var laterId = await World.SubmitAsync(OnboardingWorld.DefiForm(TestEmails.Unique("plus-tard"), company.Sirets[0]));
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(manager.Email), Delivery);

        await AgeAsync(requestId);

        var reminder = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(manager.Email) && m.Subject.StartsWith("Rappel"), Delivery);
        Assert.Equal("Rappel : la demande de compte de Jeanne DUPONT attend votre décision", reminder.Subject);
        Assert.Contains("attend une décision depuis 8 jours", reminder.Text);
        Assert.Contains("/utilisateurs/demandes", reminder.Text);

        // A request aged now is reminded by a later run of the job, which must leave the first one alone.
        await AgeAsync(laterId);
        await Eventually.HoldsAsync(async () => await RemindersDueAsync(laterId) == 1, Delivery, "a later run reminds the other request");
        Assert.Equal(1, await RemindersDueAsync(requestId));
        // A week after its reminder, another.
        await World.ExecuteAsync("UPDATE account_requests SET \"LastRemindedAt\" = now() - interval '7 days 1 minute' WHERE \"Id\" = @id", requestId);
        await Eventually.HoldsAsync(async () => await RemindersDueAsync(requestId) == 2, Delivery, "a second reminder a week later");
        await Eventually.HoldsAsync(async () => (await RemindersAsync(manager)).Count == 3, Delivery, "the reminders reach the manager");
    }

    [Fact]
    public async Task A_decided_request_reminds_nobody()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Decide", [company.Sirets[0]]);
        var decidedId = await World.SubmitAsync(OnboardingWorld.DefiForm(TestEmails.Unique("decidee"), company.Sirets[0]));
        var pendingId = await World.SubmitAsync(OnboardingWorld.DefiForm(TestEmails.Unique("en-attente"), company.Sirets[0]));
        await World.ExecuteAsync("UPDATE account_requests SET \"Status\" = 'Refused' WHERE \"Id\" = @id", decidedId);

        // Aged together: the run that reminds the pending request sees the decided one too.
        await AgeAsync(decidedId, pendingId);

        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(manager.Email) && m.Subject.StartsWith("Rappel"), Delivery);
        Assert.Equal(1, await RemindersDueAsync(pendingId));
        Assert.Equal(0, await RemindersDueAsync(decidedId));
    }

    /// <summary>Submitted 8 days ago, in one statement for all of them.</summary>
    private Task AgeAsync(params Guid[] requestIds) =>
        World.ExecuteAsync("UPDATE account_requests SET \"SubmittedAt\" = now() - interval '8 days' WHERE \"Id\" = ANY(@id)", requestIds);

    /// <summary>The reminders the job recorded for the request: its events, committed with the request's LastRemindedAt.</summary>
    private Task<long> RemindersDueAsync(Guid requestId) =>
        World.CountAsync("""
            SELECT count(*) FROM outbox_messages
            WHERE message_type LIKE 'Opco.Contracts.Onboarding.AccountRequestReminderDue,%' AND aggregate_id = @id
            """, requestId.ToString());

    private async Task<List<Opco.Testing.MailMessage>> RemindersAsync(Person manager) =>
        [.. (await fixture.App.MailDev.GetMessagesAsync(manager.Email)).Where(m => m.Subject.StartsWith("Rappel"))];
}
