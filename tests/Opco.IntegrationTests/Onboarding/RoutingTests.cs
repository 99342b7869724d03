using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>
/// Seeds 000 and 004: a request goes by e-mail and in-portal notification to every manager of the establishment, or
/// to the company's advisor when it has none.
/// </summary>
public sealed class RoutingTests(AppFixture fixture) : IAsyncLifetime
{
    private const string ToValidate = "Demande de création de compte à valider";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task Every_manager_of_the_establishment_receives_an_email_and_a_notification()
    {
        var advisor = await World.AdvisorAsync();
        var company = await World.CompanyAsync(advisorEmail: advisor.Email, sites: 2);
        var gestionnaire = await World.ManagerAsync("Gestionnaire", [company.Sirets[0]]);
        var userManager = await World.ManagerAsync("Gestion", [company.Sirets[0]], Habilitation.GestionUtilisateurs);
        var notManager = await World.ManagerAsync("Reporting", [company.Sirets[0]], Habilitation.Reporting);
        var otherSite = await World.ManagerAsync("Ailleurs", [company.Sirets[1]]);
        var requester = TestEmails.Unique("route");

        var requestId = await World.SubmitAsync(OnboardingWorld.WizardForm(requester, company.Sirets[0]));

        foreach (var manager in new[] { gestionnaire, userManager })
        {
            var mail = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(manager.Email) && m.Subject.StartsWith(ToValidate), Delivery);
            Assert.Equal($"{ToValidate} : Isabelle DEBUIRE (Project manager)", mail.Subject);
            Assert.Contains($"Bonjour Claire {manager.Account.LastName}", mail.Text);
            Assert.Contains($"l'établissement {company.Names[0]} (SIRET {company.Sirets[0]})", mail.Text);
            Assert.Contains("/utilisateurs/demandes", mail.Text);
            var notification = await NotificationAsync(manager, requestId);
            Assert.Equal(ToValidate, notification.GetProperty("title").GetString());
            Assert.Contains("Isabelle DEBUIRE (Project manager) demande un compte", notification.GetProperty("body").GetString());
        }
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(requester), Delivery);
        foreach (var bystander in new[] { notManager.Email, otherSite.Email, advisor.Email })
            Assert.DoesNotContain(await fixture.App.MailDev.GetMessagesAsync(bystander), m => m.Subject.StartsWith(ToValidate));
    }

    [Fact]
    public async Task Without_a_manager_the_company_advisor_receives_it()
    {
        var advisor = await World.AdvisorAsync();
        var company = await World.CompanyAsync(advisorEmail: advisor.Email);
        await World.ManagerAsync("Salarie", [company.Sirets[0]], Habilitation.PriseEnCharge);

        var requestId = await World.SubmitAsync(OnboardingWorld.DefiForm(TestEmails.Unique("sans-gestionnaire"), company.Sirets[0]));

        var mail = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(advisor.Email) && m.Subject.StartsWith(ToValidate), Delivery);
        Assert.Contains("en tant que conseiller formation de l'entreprise, car cet établissement n'a pas de gestionnaire", mail.Text);
        Assert.Contains("Jeanne DUPONT", mail.Subject);
        await NotificationAsync(advisor, requestId);
    }

    private static async Task<JsonElement> NotificationAsync(Person person, Guid requestId)
    {
        JsonElement? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await person.Api.GetFromJsonAsync<JsonElement>("/api/notification/me/notifications");
            found = page.GetProperty("items").EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(n => n!.Value.GetProperty("kind").GetString() == "AccountRequestToValidate"
                                     && n.Value.GetProperty("relatedEntity").GetString() == $"AccountRequest/{requestId}");
            return found is not null;
        }, Delivery, $"an in-portal notification of request {requestId}");
        return found!.Value;
    }
}
