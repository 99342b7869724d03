using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>Both forms of the seeds, every validation rule, and what the registry refuses; bad input never stores anything.</summary>
public sealed class AccountRequestFormTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Endpoint = "/api/onboarding/account-requests";
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task The_defi_form_and_the_wizard_both_make_a_request_with_the_same_answer()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Formulaires", [company.Sirets[0]]);
        var defiEmail = TestEmails.Unique("defi");
        var wizardEmail = TestEmails.Unique("wizard");

        var defi = await World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.DefiForm(defiEmail, company.Sirets[0]));
        var wizard = await World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.WizardForm(wizardEmail, company.Sirets[0]));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (defi.StatusCode, wizard.StatusCode));
        var (defiBody, wizardBody) = (await defi.Content.ReadFromJsonAsync<JsonElement>(), await wizard.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(defiBody.GetProperty("message").GetString(), wizardBody.GetProperty("message").GetString());

        var details = await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{wizardBody.GetProperty("requestId").GetGuid()}");
        Assert.Equal(("Ouverture", "Pending", "Madame", "Debuire", "Isabelle", wizardEmail, "+33600000000", "Project manager"),
            (S(details, "kind"), S(details, "status"), S(details, "civility"), S(details, "lastName"), S(details, "firstName"), S(details, "email"),
             S(details, "phone"), S(details, "jobTitle")));
        Assert.Equal((company.Sirets[0], company.Names[0], company.Siren, company.Name, "Administrateur de l'établissement"),
            (S(details, "siret"), S(details, "establishmentName"), S(details, "siren"), S(details, "companyName"), S(details, "role")));
        Assert.Equal(["Gestionnaire"], details.GetProperty("suggestedHabilitations").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(["Pending"], details.GetProperty("history").EnumerateArray().Select(h => S(h, "status")));

        var defiDetails = await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{defiBody.GetProperty("requestId").GetGuid()}");
        Assert.Equal(("Dupont", defiEmail, JsonValueKind.Null), (S(defiDetails, "lastName"), S(defiDetails, "email"), defiDetails.GetProperty("phone").ValueKind));
    }

    public static TheoryData<string, string, object?, string, string> InvalidFields => new()
    {
        { "Defi", "lastName", null, "lastName", "Le nom est obligatoire." },
        { "Defi", "firstName", " ", "firstName", "Le prénom est obligatoire." },
        { "Defi", "lastName", new string('x', 101), "lastName", "Le nom ne doit pas dépasser 100 caractères." },
        { "Defi", "siret", "", "siret", "Le SIRET de votre établissement est obligatoire." },
        { "Defi", "siret", "73282932000079", "siret", "Ce numéro SIRET n'existe pas : vérifiez sa saisie." },
        { "Defi", "siret", "7328293200", "siret", "Le SIRET doit comporter 14 chiffres." },
        { "Defi", "email", null, "email", "L'email est obligatoire." },
        { "Defi", "email", "jeanne@", "email", "L'email n'est pas une adresse valide." },
        { "Defi", "emailConfirmation", null, "emailConfirmation", "La confirmation de l'email est obligatoire." },
        { "Defi", "emailConfirmation", "autre@example.fr", "emailConfirmation", "La confirmation de l'email ne correspond pas à l'email saisi." },
        { "Defi", "form", "Papier", "form", "Le formulaire doit être « Defi » ou « Wizard »." },
        { "Wizard", "civility", null, "civility", "La civilité est obligatoire (Monsieur ou Madame)." },
        { "Wizard", "civility", "Maître", "civility", "La civilité est obligatoire (Monsieur ou Madame)." },
        { "Wizard", "jobTitle", "", "jobTitle", "La fonction est obligatoire." },
        { "Wizard", "phone", null, "phone", "Le téléphone est obligatoire." },
        { "Wizard", "phone", "01 23", "phone", "Le téléphone doit être un numéro français : 0 suivi de 9 chiffres, ou +33 suivi de 9 chiffres." },
        { "Wizard", "role", null, "role", "Le rôle souhaité est obligatoire." },
        { "Wizard", "role", "Directeur", "role", "Choisissez un rôle dans la liste." },
        { "Wizard", "emailConfirmation", "autre@example.fr", "emailConfirmation", "La confirmation de l'email ne correspond pas à l'email saisi." },
        { "Wizard", "email", "", "email", "L'email est obligatoire." },
        { "Wizard", "siret", null, "siret", "Le SIRET de votre établissement est obligatoire." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Each_rule_answers_a_french_message_on_its_field_and_stores_nothing(string form, string field, object? value, string errorField,
        string message)
    {
        var company = await World.CompanyAsync();
        var email = TestEmails.Unique("invalide");
        var payload = form == "Defi" ? OnboardingWorld.DefiForm(email, company.Sirets[0]) : OnboardingWorld.WizardForm(email, company.Sirets[0]);
        payload[field] = value;

        var response = await World.Gateway.PostAsJsonAsync(Endpoint, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(errorField).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, await World.CountAsync("SELECT count(*) FROM account_requests WHERE \"Siret\" = @id", company.Sirets[0]));
    }

    [Fact]
    public async Task An_unknown_or_closed_establishment_cannot_be_requested()
    {
        var company = await World.CompanyAsync(sites: 2, closeLast: true);
        var unknown = Opco.SharedKernel.FictionalIdentifiers.Siret(company.Siren, 9);

        var closed = await World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.DefiForm(TestEmails.Unique(), company.Sirets[1]));
        var missing = await World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.DefiForm(TestEmails.Unique(), unknown));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, closed.StatusCode);
        Assert.Equal("Cet établissement est fermé : il n'est plus possible d'y demander un compte.", await SiretErrorAsync(closed));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.StartsWith("Cet établissement n'est pas connu de l'OPCO", await SiretErrorAsync(missing));
        Assert.Equal(0, await World.CountAsync("SELECT count(*) FROM account_requests WHERE \"Siret\" LIKE @id || '%'", company.Siren));
    }

    [Fact]
    public async Task A_second_pending_request_for_the_same_email_and_establishment_is_refused_clearly()
    {
        var company = await World.CompanyAsync(sites: 2);
        var email = TestEmails.Unique("doublon");
        await World.SubmitAsync(OnboardingWorld.DefiForm(email, company.Sirets[0]));

        var again = await World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.WizardForm(email.ToUpperInvariant(), company.Sirets[0]));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Une demande est déjà en cours pour cet email et cet établissement : elle sera traitée prochainement."],
            problem.GetProperty("errors").GetProperty("email").EnumerateArray().Select(e => e.GetString()));
        // Another establishment is another request.
        await World.SubmitAsync(OnboardingWorld.DefiForm(email, company.Sirets[1]));
        Assert.Equal(2, await World.CountAsync("SELECT count(*) FROM account_requests WHERE \"Email\" = @id", email));
    }

    [Fact]
    public async Task Two_identical_submissions_at_once_make_one_request()
    {
        var company = await World.CompanyAsync();
        var email = TestEmails.Unique("ensemble");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.DefiForm(email, company.Sirets[0]))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await World.CountAsync("SELECT count(*) FROM account_requests WHERE \"Email\" = @id", email));
    }

    private static async Task<string?> SiretErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("siret")[0].GetString();

    private static string? S(JsonElement element, string property) => element.GetProperty(property).GetString();
}
