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
        var requestId = await World.SubmitAsync(OnboardingWorld.DefiForm(AccountRequestPayloads.UniqueEmail("oubliee"), company.Sirets[0]));
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(manager.Email), Delivery);

        await World.ExecuteAsync("UPDATE account_requests SET \"SubmittedAt\" = now() - interval '8 days' WHERE \"Id\" = @id", requestId);

        var reminder = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(manager.Email) && m.Subject.StartsWith("Rappel"), Delivery);
        Assert.Equal("Rappel : la demande de compte de Jeanne DUPONT attend votre décision", reminder.Subject);
        Assert.Contains("attend une décision depuis 8 jours", reminder.Text);
        Assert.Contains("/utilisateurs/demandes", reminder.Text);

        // Several runs later, still one reminder; a week after it, another.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Single(await RemindersAsync(manager));
        await World.ExecuteAsync("UPDATE account_requests SET \"LastRemindedAt\" = now() - interval '7 days 1 minute' WHERE \"Id\" = @id", requestId);
        await Eventually.HoldsAsync(async () => (await RemindersAsync(manager)).Count == 2, Delivery, "a second reminder a week later");
    }

    [Fact]
    public async Task A_decided_request_reminds_nobody()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Decide", [company.Sirets[0]]);
        var requestId = await World.SubmitAsync(OnboardingWorld.DefiForm(AccountRequestPayloads.UniqueEmail("decidee"), company.Sirets[0]));
        await World.ExecuteAsync("UPDATE account_requests SET \"Status\" = 'Refused', \"SubmittedAt\" = now() - interval '8 days' WHERE \"Id\" = @id", requestId);

        await Task.Delay(TimeSpan.FromSeconds(6));

        Assert.Empty(await RemindersAsync(manager));
    }

    private async Task<List<Opco.Testing.MailMessage>> RemindersAsync(Person manager) =>
        [.. (await fixture.App.MailDev.GetMessagesAsync(manager.Email)).Where(m => m.Subject.StartsWith("Rappel"))];
}
