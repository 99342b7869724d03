using System.Net;
using System.Text.Json;
using Npgsql;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Dossier;

/// <summary>The training providers' registry through the gateway: add, find by SIRET, NDA or name, IBAN kept encrypted.</summary>
public sealed class TrainingProvidersTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Siret = "73282932000074";
    private DossierCaller? _caller;

    public async ValueTask InitializeAsync() => _caller = await DossierCaller.StartAsync(fixture);

    public async ValueTask DisposeAsync()
    {
        if (_caller is not null) await _caller.DisposeAsync();
    }

    [Fact]
    public async Task A_creator_adds_two_sites_of_a_provider_then_finds_them_by_siret_nda_and_misspelt_name()
    {
        var creator = await _caller!.HabilitatedAsync("organismes", Siret, Habilitation.PriseEnCharge);
        var random = new Random();
        var siren = FictionalIdentifiers.Siren(random);
        var nda = string.Concat(Enumerable.Range(0, 11).Select(_ => random.Next(10)));
        var tag = Guid.NewGuid().ToString("N")[..6];
        var iban = FictionalIdentifiers.FrenchIban(random);

        var head = await AddAsync(creator, Body(FictionalIdentifiers.Siret(siren, 0), nda, $"Institut Lumière {tag} Formation", iban));
        Assert.Equal(HttpStatusCode.Created, head.StatusCode);
        var added = await DossierCaller.JsonAsync(head);
        Assert.Equal($"{iban[..4]} •••• •••• {iban[^4..]}", added.GetProperty("maskedIban").GetString());
        Assert.DoesNotContain(iban[4..^4], added.GetRawText());
        Assert.Equal(HttpStatusCode.Created,
            (await AddAsync(creator, Body(FictionalIdentifiers.Siret(siren, 1), nda, $"Institut Lumière {tag} Formation Lyon", null))).StatusCode);

        var bySiret = await SearchAsync(creator, FictionalIdentifiers.Siret(siren, 1));
        Assert.Equal([FictionalIdentifiers.Siret(siren, 1)], bySiret.Select(h => h.GetProperty("siret").GetString()));
        var byNda = await SearchAsync(creator, $"{nda[..2]} {nda[2..]}");
        Assert.Equal([FictionalIdentifiers.Siret(siren, 0), FictionalIdentifiers.Siret(siren, 1)], byNda.Select(h => h.GetProperty("siret").GetString()));
        var byName = await SearchAsync(creator, $"lumiere {tag} formaton");
        Assert.Equal(2, byName.Count(h => h.GetProperty("nda").GetString() == nda));
        Assert.True(byName.First().GetProperty("isQualiopiCertified").GetBoolean());

        var stored = await StoredIbanAsync(FictionalIdentifiers.Siret(siren, 0));
        Assert.NotNull(stored);
        Assert.DoesNotContain(iban[4..^4], System.Text.Encoding.ASCII.GetString(stored));
    }

    [Fact]
    public async Task A_siret_already_known_answers_409_with_the_existing_provider()
    {
        var creator = await _caller!.HabilitatedAsync("doublon-of", Siret, Habilitation.Gestionnaire);
        var siret = FictionalIdentifiers.Siret(FictionalIdentifiers.Siren(new Random()), 0);
        var first = await DossierCaller.JsonAsync(await AddAsync(creator, Body(siret, "11750000001", "Atelier Savoirs", null)));

        var again = await AddAsync(creator, Body(siret, "11750000002", "Autre nom", null));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await DossierCaller.JsonAsync(again);
        Assert.Equal("Cet organisme de formation est déjà enregistré : sélectionnez-le.", problem.GetProperty("title").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), problem.GetProperty("existing").GetProperty("id").GetString());
        Assert.Equal("Atelier Savoirs", problem.GetProperty("existing").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_french_field_messages_and_stores_nothing()
    {
        var creator = await _caller!.HabilitatedAsync("of-errones", Siret, Habilitation.PriseEnCharge);
        var siret = FictionalIdentifiers.Siret(FictionalIdentifiers.Siren(new Random()), 0);

        var response = await AddAsync(creator, Body(siret, "123", "Centre Avenir", "FR7630006000011234567890188"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await DossierCaller.JsonAsync(response)).GetProperty("errors");
        Assert.Equal("Le numéro de déclaration d'activité (NDA) doit comporter 11 chiffres.", errors.GetProperty("nda")[0].GetString());
        Assert.Equal("Cet IBAN n'est pas valide : vérifiez sa saisie.", errors.GetProperty("iban")[0].GetString());
        Assert.Empty(await SearchAsync(creator, siret));
        var malformed = await _caller.SendAsync(creator, HttpMethod.Post, Providers(Siret),
            new StringContent("{\"siret\": 12", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Only_holders_of_creer_un_dossier_on_the_establishment_reach_the_registry()
    {
        var reporting = await _caller!.HabilitatedAsync("of-reporting", Siret, Habilitation.Reporting);
        var creator = await _caller.HabilitatedAsync("of-ailleurs", Siret, Habilitation.PriseEnCharge);

        Assert.Equal(HttpStatusCode.Forbidden, (await _caller.SendAsync(reporting, HttpMethod.Get, $"{Providers(Siret)}?q=institut")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _caller.SendAsync(creator, HttpMethod.Get, $"{Providers("44306184100047")}?q=institut")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _caller.SendAsync(null, HttpMethod.Get, $"{Providers(Siret)}?q=institut")).StatusCode);
        // The control: the same search by the holder is answered.
        Assert.Equal(HttpStatusCode.OK, (await _caller.SendAsync(creator, HttpMethod.Get, $"{Providers(Siret)}?q=institut")).StatusCode);
    }

    private static string Providers(string siret) => $"/api/dossier/establishments/{siret}/training-providers";

    private static object Body(string siret, string nda, string name, string? iban) => new
    {
        siret, nda, name, address = "3 place Bellecour", postalCode = "69002", city = "Lyon", isQualiopiCertified = true, iban,
    };

    private Task<HttpResponseMessage> AddAsync(PortalUser user, object body) => _caller!.SendAsync(user, HttpMethod.Post, Providers(Siret), body);

    private async Task<List<JsonElement>> SearchAsync(PortalUser user, string query)
    {
        var response = await _caller!.SendAsync(user, HttpMethod.Get, $"{Providers(Siret)}?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await DossierCaller.JsonAsync(response)).EnumerateArray()];
    }

    private async Task<byte[]?> StoredIbanAsync(string siret)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("dossierdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"EncryptedIban\" FROM training_providers WHERE \"Siret\" = @siret", connection);
        command.Parameters.AddWithValue("siret", siret);
        return await command.ExecuteScalarAsync() as byte[];
    }
}
