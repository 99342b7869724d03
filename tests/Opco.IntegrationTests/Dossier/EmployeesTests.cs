using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// "Gérer les salariés" and "Gérer le salaire horaire" through the gateway: real sign-in, rights copied from identity's
/// events by the dossier service, data in its PostgreSQL database.
/// </summary>
public sealed class EmployeesTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Siret = "73282932000074";
    private const string OtherSiret = "44306184100047";
    private const string Header = "civilite;nom;prenom;date_naissance;matricule;date_entree;date_sortie;contrat;temps_travail;csp;emploi";
    private DossierCaller? _caller;

    public async ValueTask InitializeAsync() => _caller = await DossierCaller.StartAsync(fixture);

    public async ValueTask DisposeAsync()
    {
        if (_caller is not null) await _caller.DisposeAsync();
    }

    [Fact]
    public async Task A_manager_adds_lists_edits_and_ends_an_employee()
    {
        var manager = await HabilitatedAsync("salaries", Siret, Habilitation.PriseEnCharge);
        const string siret = Siret;
        var matricule = $"M-{Guid.NewGuid():N}"[..12];

        var created = await SendAsync(manager, HttpMethod.Post, Employees(siret), Form("Martin", matricule));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var employee = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = employee.GetProperty("id").GetString()!;
        Assert.Equal("CDI", employee.GetProperty("contractLabel").GetString());
        Assert.Equal("Employé", employee.GetProperty("categoryLabel").GetString());
        Assert.Equal(created.Headers.Location!.ToString(), $"/api/dossier/establishments/{Siret}/employees/{id}");

        var twice = await SendAsync(manager, HttpMethod.Post, Employees(siret), Form("Autre", matricule));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("Ce matricule est déjà attribué à un autre salarié de l'établissement.",
            (await ProblemAsync(twice)).GetProperty("errors").GetProperty("matricule")[0].GetString());

        var found = await ListAsync(manager, $"{Employees(siret)}?search={Uri.EscapeDataString(matricule)}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal("Martin", found.GetProperty("items")[0].GetProperty("lastName").GetString());

        var ended = await SendAsync(manager, HttpMethod.Put, $"{Employees(siret)}/{id}", Form("Martin", matricule, exitDate: "2026-01-31"));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(0, (await ListAsync(manager, $"{Employees(siret)}?search={matricule}&active=true")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await ListAsync(manager, $"{Employees(siret)}?search={matricule}&active=false")).GetProperty("total").GetInt32());

        var faulty = await SendAsync(manager, HttpMethod.Put, $"{Employees(siret)}/{id}", Form("Martin", matricule) with { workingTimePercent = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, faulty.StatusCode);
        Assert.True((await ProblemAsync(faulty)).GetProperty("errors").TryGetProperty("workingTimePercent", out _));
        var details = await (await SendAsync(manager, HttpMethod.Get, $"{Employees(siret)}/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-01-31", details.GetProperty("exitDate").GetString());
        Assert.Equal(100, details.GetProperty("workingTimePercent").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_sorts_and_refuses_an_unknown_filter_in_french()
    {
        var manager = await HabilitatedAsync("filtres", Siret, Habilitation.ContratPro);
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var (name, contract) in new[] { ("Bernard", "Cdd"), ("Adam", "Cdi"), ("Colin", "Cdi") })
            Assert.Equal(HttpStatusCode.Created,
                (await SendAsync(manager, HttpMethod.Post, Employees(Siret), Form(name + tag, null, contract: contract))).StatusCode);

        var cdi = await ListAsync(manager, $"{Employees(Siret)}?search={tag}&contract=cdi&sort=lastName&direction=desc");
        Assert.Equal(2, cdi.GetProperty("total").GetInt32());
        Assert.Equal(["Colin" + tag, "Adam" + tag], cdi.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("lastName").GetString()));
        var paged = await ListAsync(manager, $"{Employees(Siret)}?search={tag}&sort=lastName&page=2&pageSize=2");
        Assert.Equal((3, "Colin" + tag), (paged.GetProperty("total").GetInt32(), paged.GetProperty("items")[0].GetProperty("lastName").GetString()));

        var refused = await SendAsync(manager, HttpMethod.Get, $"{Employees(Siret)}?contract=interim&category=chef");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await ProblemAsync(refused)).GetProperty("errors");
        Assert.StartsWith("Le contrat doit être l'un de", errors.GetProperty("contract")[0].GetString());
        Assert.StartsWith("La catégorie doit être l'une de", errors.GetProperty("category")[0].GetString());
    }

    [Fact]
    public async Task A_user_of_another_establishment_or_without_the_habilitation_sees_nothing()
    {
        var manager = await HabilitatedAsync("proprietaire", Siret, Habilitation.PriseEnCharge);
        var outsider = await HabilitatedAsync("ailleurs", OtherSiret, Habilitation.Gestionnaire);
        var reporting = await HabilitatedAsync("reporting", Siret, Habilitation.Reporting);
        var created = await (await SendAsync(manager, HttpMethod.Post, Employees(Siret), Form("Secret", null))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(outsider, HttpMethod.Get, Employees(Siret))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(outsider, HttpMethod.Get, $"{Employees(Siret)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(outsider, HttpMethod.Post, Employees(Siret), Form("Intrus", null))).StatusCode);
        // Through its own establishment, the other one's employee does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(outsider, HttpMethod.Get, $"{Employees(OtherSiret)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await SendAsync(outsider, HttpMethod.Put, $"{Employees(OtherSiret)}/{id}", Form("Intrus", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(reporting, HttpMethod.Get, Employees(Siret))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(null, HttpMethod.Get, Employees(Siret))).StatusCode);
        // The control: the owner still sees it, unchanged.
        var details = await (await SendAsync(manager, HttpMethod.Get, $"{Employees(Siret)}/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Secret", details.GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task Wages_are_only_for_sensitive_data_holders_absent_elsewhere_and_every_access_is_audited()
    {
        var manager = await HabilitatedAsync("sans-salaire", Siret, Habilitation.PriseEnCharge);
        var holder = await HabilitatedAsync("donnees-sensibles", Siret, Habilitation.PriseEnCharge, Habilitation.DonneesSensibles);
        var created = await (await SendAsync(manager, HttpMethod.Post, Employees(Siret), Form("Salaire", null))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var wages = $"{Employees(Siret)}/{id}/wages";

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(manager, HttpMethod.Get, wages)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(manager, HttpMethod.Post, wages, new { appliesFrom = "2026-01-01", hourlyGross = 15.2m })).StatusCode);

        var refused = await SendAsync(holder, HttpMethod.Post, wages, new { appliesFrom = "2026-01-01", hourlyGross = 15.205m });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(holder, HttpMethod.Post, wages, new { appliesFrom = "2025-01-01", hourlyGross = 14.5m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(holder, HttpMethod.Post, wages, new { appliesFrom = "2026-01-01", hourlyGross = 15.2m })).StatusCode);
        var again = await SendAsync(holder, HttpMethod.Post, wages, new { appliesFrom = "2026-01-01", hourlyGross = 16m });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var read = await (await SendAsync(holder, HttpMethod.Get, wages)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(15.2m, read.GetProperty("current").GetProperty("hourlyGross").GetDecimal());
        Assert.Equal(["2026-01-01", "2025-01-01"], read.GetProperty("history").EnumerateArray().Select(w => w.GetProperty("appliesFrom").GetString()));

        // Nowhere else, for anyone: the employee's answers carry no wage at all.
        foreach (var user in new[] { manager, holder })
        {
            var body = await (await SendAsync(user, HttpMethod.Get, $"{Employees(Siret)}/{id}")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("wage", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("hourly", body, StringComparison.OrdinalIgnoreCase);
        }

        var audit = await AuditAsync(Guid.Parse(id!));
        Assert.Equal([("Change", holder.Id), ("Change", holder.Id), ("Read", holder.Id)], audit);
    }

    [Fact]
    public async Task An_import_is_checked_line_by_line_then_imports_only_the_valid_lines_once()
    {
        var manager = await HabilitatedAsync("import", Siret, Habilitation.PriseEnCharge);
        var siret = Siret;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = $"{Header}\r\n"
            + $"Madame;Import{tag};Camille;14/03/1990;I{tag}-1;01/09/2020;;CDI;100;Employe;Assistante\r\n"
            + $"Monsieur;Import{tag};Paul;1985-01-01;I{tag}-2;01/01/2021;;apprentissage;80 %;Ouvrier;\r\n"
            + $"Monsieur;Import{tag};Faux;32/01/1985;;01/01/2021;;CDI;100;Ouvrier;\r\n"
            + $"Madame;Import{tag};Sans contrat;01/01/1985;;01/01/2021;;;100;Cadre;\r\n";

        var template = await SendAsync(manager, HttpMethod.Get, $"{Employees(siret)}/import/template");
        Assert.Equal("text/csv", template.Content.Headers.ContentType!.MediaType);
        var templateBytes = await template.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], templateBytes[..3]);
        Assert.StartsWith(Header + "\r\n", Encoding.UTF8.GetString(templateBytes[3..]));

        var dryRun = await ImportAsync(manager, siret, file, dryRun: true);
        Assert.Equal((4, 2, 2, 0), (dryRun.GetProperty("lines").GetInt32(), dryRun.GetProperty("valid").GetInt32(),
            dryRun.GetProperty("created").GetInt32(), dryRun.GetProperty("updated").GetInt32()));
        var errors = dryRun.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(4, "date_naissance"), (5, "contrat")], errors);
        Assert.Equal(0, await CountAsync(manager, siret, tag));

        var imported = await ImportAsync(manager, siret, file, dryRun: false);
        Assert.Equal((2, 0), (imported.GetProperty("created").GetInt32(), imported.GetProperty("updated").GetInt32()));
        Assert.Equal(2, await CountAsync(manager, siret, tag));

        // The same file again updates what it created and adds nothing.
        var again = await ImportAsync(manager, siret, file.Replace(";80 %;", ";60 %;"), dryRun: false);
        Assert.Equal((0, 2), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()));
        var list = await ListAsync(manager, $"{Employees(siret)}?search=Import{tag}&sort=firstName");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(60, list.GetProperty("items")[1].GetProperty("workingTimePercent").GetInt32());
    }

    [Fact]
    public async Task Wage_columns_are_refused_without_the_right_and_imported_and_audited_with_it()
    {
        var manager = await HabilitatedAsync("import-sans-salaire", Siret, Habilitation.PriseEnCharge);
        var holder = await HabilitatedAsync("import-salaire", Siret, Habilitation.PriseEnCharge, Habilitation.DonneesSensibles);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = $"{Header};salaire_horaire;date_effet_salaire\n"
            + $"Madame;Paie{tag};Camille;14/03/1990;;01/09/2020;;CDI;100;Employe;;15,20;01/01/2026\n";

        var refused = await SendAsync(manager, HttpMethod.Post, $"{Employees(Siret)}/import?dryRun=false", Csv(file));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Données sensibles", (await ProblemAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync(manager, Siret, tag));
        var withoutWages = await (await SendAsync(manager, HttpMethod.Get, $"{Employees(Siret)}/import/template")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("salaire_horaire", withoutWages);
        var withWages = await (await SendAsync(holder, HttpMethod.Get, $"{Employees(Siret)}/import/template")).Content.ReadAsStringAsync();
        Assert.Contains("salaire_horaire", withWages);

        var imported = await ImportAsync(holder, Siret, file, dryRun: false);
        Assert.Equal(1, imported.GetProperty("wagesRecorded").GetInt32());
        var id = (await ListAsync(holder, $"{Employees(Siret)}?search=Paie{tag}")).GetProperty("items")[0].GetProperty("id").GetString()!;
        Assert.Equal([("Change", holder.Id)], await AuditAsync(Guid.Parse(id)));
        var wages = await (await SendAsync(holder, HttpMethod.Get, $"{Employees(Siret)}/{id}/wages")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(15.20m, wages.GetProperty("current").GetProperty("hourlyGross").GetDecimal());
        // Importing it again records the wage once.
        Assert.Equal(0, (await ImportAsync(holder, Siret, file, dryRun: false)).GetProperty("wagesRecorded").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_a_csv_of_the_template_gets_a_french_4xx_and_nothing_is_imported()
    {
        var manager = await HabilitatedAsync("mauvais-fichier", Siret, Habilitation.PriseEnCharge);

        var json = await SendAsync(manager, HttpMethod.Post, $"{Employees(Siret)}/import", new { nom = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        var columns = await SendAsync(manager, HttpMethod.Post, $"{Employees(Siret)}/import?dryRun=false", Csv("nom;age\nDupont;40\n"));
        Assert.Equal(HttpStatusCode.BadRequest, columns.StatusCode);
        Assert.StartsWith("Colonne(s) inconnue(s) : age", (await ProblemAsync(columns)).GetProperty("detail").GetString());
        var huge = await SendAsync(manager, HttpMethod.Post, $"{Employees(Siret)}/import", Csv(Header + "\n" + new string('x', 6 * 1024 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("Le fichier ne peut pas être importé.", (await ProblemAsync(huge)).GetProperty("title").GetString());
    }

    private static string Employees(string siret) => $"/api/dossier/establishments/{siret}/employees";

    private static EmployeeBody Form(string lastName, string? matricule, string? exitDate = null, string contract = "Cdi") =>
        new("Madame", lastName, "Camille", "1990-03-14", matricule, "2020-09-01", exitDate, contract, 100, "Employe", null);

    private sealed record EmployeeBody(string civility, string lastName, string firstName, string birthDate, string? matricule, string entryDate,
        string? exitDate, string contract, int workingTimePercent, string category, string? jobTitle);

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private Task<PortalUser> HabilitatedAsync(string who, string siret, params Habilitation[] held) =>
        _caller!.HabilitatedAsync(who, siret, held);

    private Task<HttpResponseMessage> SendAsync(PortalUser? user, HttpMethod method, string path, object? body = null) =>
        _caller!.SendAsync(user, method, path, body);

    private async Task<JsonElement> ListAsync(PortalUser user, string path)
    {
        var response = await SendAsync(user, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ImportAsync(PortalUser user, string siret, string file, bool dryRun)
    {
        var response = await SendAsync(user, HttpMethod.Post, $"{Employees(siret)}/import?dryRun={dryRun.ToString().ToLowerInvariant()}", Csv(file));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<int> CountAsync(PortalUser user, string siret, string tag) =>
        (await ListAsync(user, $"{Employees(siret)}?search={tag}")).GetProperty("total").GetInt32();

    private static Task<JsonElement> ProblemAsync(HttpResponseMessage response) => DossierCaller.JsonAsync(response);

    private async Task<List<(string Kind, Guid UserId)>> AuditAsync(Guid employeeId)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("dossierdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Kind\", \"UserId\" FROM wage_accesses WHERE \"EmployeeId\" = @id ORDER BY \"Id\"", connection);
        command.Parameters.AddWithValue("id", employeeId);
        var rows = new List<(string, Guid)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetGuid(1)));
        return rows;
    }
}
