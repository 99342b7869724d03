using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.AccountRequests;

/// <summary>The first real flow, through the gateway: form → onboardingdb → RabbitMQ → notification → SMTP → MailDev.</summary>
public sealed class SubmitAccountRequestTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Endpoint = "/api/onboarding/account-requests";
    private readonly HttpClient _gateway = fixture.App.CreateHttpClient("gateway");
    private OnboardingWorld? _world;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await _world!.DisposeAsync();

    [Fact]
    public async Task A_valid_request_is_stored_and_acknowledged_by_email()
    {
        var email = TestEmails.Unique();
        var siret = (await _world!.CompanyAsync()).Sirets[0];
        var payload = AccountRequestPayloads.Valid(email);
        payload["siret"] = $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";

        var response = await _gateway.PostAsJsonAsync(Endpoint, payload);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Votre demande d'ouverture de compte a bien été enregistrée", body.GetProperty("message").GetString());
        var requestId = body.GetProperty("requestId").GetGuid();

        var stored = await StoredRequestAsync(email);
        Assert.Equal((requestId, "Dupont", "Jeanne", siret, "Pending"), stored);

        var mail = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email), TimeSpan.FromSeconds(30));
        Assert.Equal("Votre demande d'ouverture de compte a bien été reçue", mail.Subject);
        Assert.Contains("Bonjour Jeanne Dupont", mail.Html);
        Assert.Contains(siret, mail.Html);
        Assert.Contains("Bonjour Jeanne Dupont,", mail.Text);
        Assert.Contains("Mon Compte Formation (CPF)", mail.Text);
    }

    public static TheoryData<string, string?, string, string> InvalidFields => new()
    {
        { "lastName", null, "lastName", "Le nom est obligatoire." },
        { "firstName", "  ", "firstName", "Le prénom est obligatoire." },
        { "siret", null, "siret", "Le SIRET de votre établissement est obligatoire." },
        { "siret", "73282932000079", "siret", "Ce numéro SIRET n'existe pas : vérifiez sa saisie." },
        { "siret", "732829320", "siret", "Le SIRET doit comporter 14 chiffres." },
        { "email", "pas-un-email", "email", "L'email n'est pas une adresse valide." },
        { "emailConfirmation", "autre@example.fr", "emailConfirmation", "La confirmation de l'email ne correspond pas à l'email saisi." },
        { "emailConfirmation", "", "emailConfirmation", "La confirmation de l'email est obligatoire." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Bad_input_gets_a_french_message_on_its_field_and_stores_nothing(string field, string? value, string errorField, string message)
    {
        var email = TestEmails.Unique();
        var payload = AccountRequestPayloads.Valid(email);
        payload[field] = value;

        var response = await _gateway.PostAsJsonAsync(Endpoint, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Votre demande contient des erreurs.", problem.GetProperty("title").GetString());
        var messages = problem.GetProperty("errors").GetProperty(errorField).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(message, messages);
        Assert.Null(await StoredRequestAsync(email));
    }

    [Theory]
    [InlineData("{\"lastName\": \"Dupont\",")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task A_malformed_body_is_a_400_problem_not_a_500(string json)
    {
        var response = await _gateway.PostAsync(Endpoint, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(Guid, string, string, string, string)?> StoredRequestAsync(string email)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("onboardingdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"Id\", \"LastName\", \"FirstName\", \"Siret\", \"Status\" FROM account_requests WHERE \"Email\" = @email", connection);
        command.Parameters.AddWithValue("email", email);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
    }
}
