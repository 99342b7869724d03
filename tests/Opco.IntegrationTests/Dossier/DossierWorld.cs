using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Opco.Contracts.Identity;
using Opco.Identity.Domain;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// What a dossier test needs, arranged through the real services: a company (onboarding publishes it), its users
/// (identity's rights events reach the dossier service), its advisor, an administrator, employees, a provider, money on
/// the funding account, a dossier entered step by step through the gateway, and offers of the catalogue Sélection DEFi Formations.
/// </summary>
internal sealed class DossierWorld : IAsyncDisposable
{
    public const string Scope = "openid profile email identity dossier finance notification";
    public static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private readonly AppFixture _fixture;

    private DossierWorld(AppFixture fixture, OnboardingWorld onboarding) => (_fixture, Onboarding) = (fixture, onboarding);

    public OnboardingWorld Onboarding { get; }

    public static async Task<DossierWorld> StartAsync(AppFixture fixture) => new(fixture, await OnboardingWorld.StartAsync(fixture));

    public ValueTask DisposeAsync() => Onboarding.DisposeAsync();

    public sealed record Company(string Siren, string Siret, string AdvisorEmail, HttpClient Advisor);

    public sealed record Member(HttpClient Api, string Email);

    /// <summary>A small company (Plan offered) with its advisor signed in, known to the dossier service; with a service offer if given.</summary>
    public async Task<Company> CompanyAsync(string? serviceOffer = null)
    {
        var advisorEmail = TestEmails.Unique("conseiller");
        var advisor = await SignInAsync(advisorEmail, u => u.StaffRole = StaffRole.Advisor, []);
        var company = await Onboarding.CompanyAsync(advisorEmail: advisorEmail, headcount: 5, serviceOffer: serviceOffer);
        await Eventually.HoldsAsync(async () => await CountAsync("dossierdb", "SELECT count(*) FROM member_companies WHERE siren = @p", company.Siren) == 1,
            Delivery, "the dossier service knows the company");
        return new Company(company.Siren, company.Sirets[0], advisorEmail, advisor.Api);
    }

    /// <summary>A user of the establishment (preferred there) holding these habilitations, once the dossier service knows them.</summary>
    public async Task<HttpClient> UserAsync(string siret, params Habilitation[] held) => (await MemberAsync(siret, held)).Api;

    /// <summary>As <see cref="UserAsync"/>, with the e-mail to sign in with in a browser (password <see cref="IdentityUsers.Password"/>).</summary>
    public async Task<Member> MemberAsync(string siret, params Habilitation[] held)
    {
        var (api, account) = await SignInAsync(TestEmails.Unique("dossiers"), u => u.PreferredSiret = siret, new() { [siret] = held });
        await Onboarding.Broker.PublishAsync(new UserHabilitationsChanged(account.Id, account.Email!, account.FirstName, account.LastName, siret, siret,
            [.. held.Select(h => h.ToString())], [], Guid.NewGuid(), DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () =>
                (await api.GetAsync($"/api/dossier/establishments/{siret}/permissions")).StatusCode == HttpStatusCode.OK
                && await CountAsync("dossierdb", "SELECT count(*) FROM preferred_establishments WHERE user_id = @p", account.Id) == 1,
            Delivery, "the dossier service knows the user's rights and preferred establishment");
        return new Member(api, account.Email!);
    }

    public async Task<HttpClient> AdministratorAsync() => (await AdministratorMemberAsync()).Api;

    /// <summary>An OPCO administrator, with the e-mail to sign in with in a browser.</summary>
    public async Task<Member> AdministratorMemberAsync()
    {
        var (api, account) = await SignInAsync(TestEmails.Unique("admin"), u => u.StaffRole = StaffRole.Administrator, []);
        return new Member(api, account.Email!);
    }

    public async Task<Guid> EmployeeAsync(HttpClient manager, string siret, string lastName, decimal? hourlyWage = null)
    {
        var created = await manager.PostAsJsonAsync($"/api/dossier/establishments/{siret}/employees", new
        {
            civility = "Madame", lastName, firstName = "Camille", birthDate = "1990-03-14", entryDate = "2020-09-01", contract = "Cdi",
            workingTimePercent = 100, category = "Employe",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (hourlyWage is { } wage)
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/dossier/establishments/{siret}/employees/{id}/wages",
                new { appliesFrom = "2020-09-01", hourlyGross = wage })).StatusCode);
        return id;
    }

    public async Task<Guid> ProviderAsync(HttpClient manager, string siret, bool qualiopi = true)
    {
        var providerSiret = Opco.SharedKernel.FictionalIdentifiers.Siret(Opco.SharedKernel.FictionalIdentifiers.Siren(Random.Shared), 0);
        var response = await manager.PostAsJsonAsync($"/api/dossier/establishments/{siret}/training-providers", new
        {
            siret = providerSiret, nda = "11755555555", name = "Institut Avenir Formation", address = "3 rue des Écoles", postalCode = "75005",
            city = "Paris", isQualiopiCertified = qualiopi, iban = (string?)null,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public const string CatalogueAdmin = "/api/dossier/admin/catalogue/offers";

    /// <summary>
    /// A catalogue offer created and published by <paramref name="administrator"/> with <paramref name="provider"/>, one session per
    /// (days from today, region, seats left); the offer's id and its sessions' ids in that order.
    /// </summary>
    public static async Task<(Guid Id, List<Guid> Sessions)> CatalogueOfferAsync(HttpClient administrator, Guid provider, string title, string theme,
        params (int InDays, string Region, int Seats)[] sessions)
    {
        var created = await Json(await administrator.PostAsJsonAsync(CatalogueAdmin, new
        {
            title, theme, trainingProviderId = provider, hours = 14m, nature = "ActionFormation", modality = "Mixte", price = 1200m, coveredAmount = 900m,
            description = "Deux jours de formation négociés par l'OPCO.",
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var ids = new List<Guid>();
        foreach (var (inDays, region, seats) in sessions)
        {
            var start = Today.AddDays(inDays);
            var offer = await Json(await administrator.PostAsJsonAsync($"{CatalogueAdmin}/{id}/sessions",
                new { startDate = Day(start), endDate = Day(start.AddDays(1)), place = $"Centre de {region}", region, seatsLeft = seats }));
            ids.Add(offer.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).Single(s => !ids.Contains(s)));
        }
        await Json(await administrator.PostAsync($"{CatalogueAdmin}/{id}/publication", null));
        return (id, ids);
    }

    public static async Task CreditAsync(HttpClient administrator, string siren, decimal amount, string source = "Plan obligatoire")
    {
        var response = await administrator.PostAsJsonAsync("/api/finance/admin/accounts/credits",
            new { kind = "CompanyAccount", siren, source, amount, reference = "Dotation de test" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<JsonElement> FiguresAsync(HttpClient administrator, string siren, string source = "Plan obligatoire") =>
        await administrator.GetFromJsonAsync<JsonElement>(
            $"/api/finance/admin/accounts/figures?kind=CompanyAccount&siren={siren}&source={Uri.EscapeDataString(source)}");

    /// <summary>
    /// A dossier with every step filled (Plan, one trainee of 14 h, 1 000 € of teaching of which 420 € fundable, 400 € asked) and its three pieces;
    /// the trainee's wage recorded when given (the manager must then hold "Données sensibles"); paid to the provider (added without an IBAN)
    /// when <paramref name="directPayment"/>.
    /// </summary>
    public async Task<(Guid Id, Guid Employee)> CompleteDossierAsync(HttpClient manager, string siret, decimal? wage = null, DateOnly? start = null,
        bool directPayment = false)
    {
        var employee = await EmployeeAsync(manager, siret, "Stagiaire", wage);
        var provider = await ProviderAsync(manager, siret);
        var id = (await Json(await manager.PostAsync(Dossiers(siret), null), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var startDate = start ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        await Json(await manager.PutAsJsonAsync($"{Dossiers(siret)}/{id}/frame", new { schemeCode = "Plan", directPayment }));
        await Json(await manager.PutAsJsonAsync($"{Dossiers(siret)}/{id}/action", new
        {
            title = "Management d'équipe", nature = "ActionFormation", modality = "Presentiel", certificationCode = "RS5678",
            startDate = startDate.ToString("yyyy-MM-dd"), endDate = startDate.AddDays(1).ToString("yyyy-MM-dd"), hours = 14m, place = "Paris",
        }));
        await Json(await manager.PutAsJsonAsync($"{Dossiers(siret)}/{id}/provider", new { trainingProviderId = provider }));
        await Json(await manager.PutAsJsonAsync($"{Dossiers(siret)}/{id}/trainees",
            new { trainees = new[] { new { employeeId = employee, hours = 14m, hoursOutsideWorkingTime = 0m } } }));
        await Json(await manager.PutAsJsonAsync($"{Dossiers(siret)}/{id}/costs", new
        {
            teachingCost = 1000m, incidentalCosts = new[] { new { kind = "Meal", quantity = 2m, unitAmount = 15m } }, requestedAmount = 400m,
        }));
        foreach (var kind in new[] { "quote", "programme", "agreement" })
            await Json(await UploadAsync(manager, siret, id, kind, Pdf), HttpStatusCode.Created);
        return (id, employee);
    }

    /// <summary>
    /// A contrat de professionnalisation with every step filled and lawful: a trainee of 36 (public « demandeur d'emploi
    /// de 26 ans et plus », paid 1 850 € for 35 h, above 100 % of the SMIC), a tutor of 5 years asking for the tutor aid,
    /// 12 months from <paramref name="start"/> (in 10 days by default), 400 h of training at a certified organisme, its
    /// two pieces: funded 400 h × 9,15 € + 6 × 230 € = 5 040 €.
    /// </summary>
    public async Task<(Guid Id, long Number)> CompleteContractAsync(HttpClient manager, string siret, DateOnly? start = null)
    {
        var trainee = await EmployeeAsync(manager, siret, "Alternant");
        var tutor = await EmployeeAsync(manager, siret, "Tuteur");
        var provider = await ProviderAsync(manager, siret);
        var created = await Json(await manager.PostAsync(ContractsOf(siret), null), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var begins = start ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var ends = begins.AddMonths(12).AddDays(-1);
        var url = $"{ContractsOf(siret)}/{id}";
        await Json(await manager.PutAsJsonAsync($"{url}/trainee", new { employeeId = trainee, @public = "JobSeeker" }));
        await Json(await manager.PutAsJsonAsync($"{url}/tutor", new { tutorEmployeeId = tutor, tutorExperienceYears = 5, tutorAidRequested = true }));
        await Json(await manager.PutAsJsonAsync($"{url}/terms", new
        {
            kind = "FixedTerm", contractType = 1, signedOn = Day(begins.AddDays(-7)), startDate = Day(begins), endDate = Day(ends), weeklyHours = 35m,
            job = "Technicien de maintenance", qualificationKind = "Rncp", qualificationCode = "RNCP35430",
        }));
        await Json(await manager.PutAsJsonAsync($"{url}/training", new
        {
            trainingProviderId = provider, trainingStartDate = Day(begins), trainingEndDate = Day(ends), trainingHours = 400m,
        }));
        await Json(await manager.PutAsJsonAsync($"{url}/pay", new { monthlyGrossPay = 1850m }));
        foreach (var kind in new[] { "signedContract", "programme" })
        {
            var body = new ByteArrayContent(Pdf);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            await Json(await manager.PostAsync($"{url}/documents?kind={kind}&fileName=piece.pdf", body), HttpStatusCode.Created);
        }
        return (id, created.GetProperty("number").GetInt64());
    }

    /// <summary>A step as the portal sends it: with the version its screen read (If-Match), or a malformed one when null.</summary>
    public static Task<HttpResponseMessage> PutIfMatchAsync(HttpClient user, string url, object body, uint? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", version is { } v ? $"\"{v}\"" : "\"pas-une-version\"");
        return user.SendAsync(request);
    }

    public static string ContractsOf(string siret) => $"/api/dossier/establishments/{siret}/contracts";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>Credits the OPCO-wide envelope of the pooled source « Professionnalisation » for <paramref name="year"/>.</summary>
    public static async Task CreditProfessionalisationAsync(HttpClient administrator, int year, decimal amount)
    {
        var response = await administrator.PostAsJsonAsync("/api/finance/admin/accounts/credits",
            new { kind = "PooledSource", source = "Professionnalisation", year, amount, reference = "Enveloppe de test" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<JsonElement> ProfessionalisationFiguresAsync(HttpClient administrator, int year) =>
        await administrator.GetFromJsonAsync<JsonElement>($"/api/finance/admin/accounts/figures?kind=PooledSource&source=Professionnalisation&year={year}");

    public const string InvoiceIban = "FR7630006000011234567890189";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// A dossier transmitted, moved at night and accepted with <paramref name="granted"/>; then the training takes place (its dates moved
    /// to the past in both services, as time would, unless not <paramref name="pastDates"/>) and, when <paramref name="realised"/>, its
    /// certificat de réalisation is deposited.
    /// </summary>
    public async Task<(Guid Id, long Number)> AcceptedDossierAsync(Company company, HttpClient manager, HttpClient administrator, decimal granted, bool realised,
        bool pastDates = true, bool directPayment = false)
    {
        var (id, _) = await CompleteDossierAsync(manager, company.Siret, directPayment: directPayment);
        var url = $"{Dossiers(company.Siret)}/{id}";
        await Json(await manager.PostAsync($"{url}/transmission", null));
        await RunNightlyAsync(administrator);
        await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/acceptance", new { grantedAmount = granted }));
        await Eventually.HoldsAsync(async () => (await Json(await manager.GetAsync(url))).GetProperty("status").GetString() == "Accepted",
            Delivery, "the dossier is accepted");
        await Eventually.HoldsAsync(async () => await CountAsync("financedb", "SELECT count(*) FROM funded_dossiers WHERE \"Id\" = @p", id) == 1,
            Delivery, "finance received the grant");
        if (pastDates)
        {
            var (start, end) = (Today.AddDays(-10), Today.AddDays(-9));
            await ExecuteAsync("dossierdb", "UPDATE dossiers SET \"StartDate\" = @q, \"EndDate\" = @q + 1 WHERE \"Id\" = @p", id, start);
            await ExecuteAsync("financedb", "UPDATE funded_dossiers SET \"StartDate\" = @q, \"EndDate\" = @q + 1 WHERE \"Id\" = @p", id, start);
            Assert.Equal(end, await ScalarAsync<DateOnly>("financedb", "SELECT \"EndDate\" FROM funded_dossiers WHERE \"Id\" = @p", id));
        }
        if (realised) await RealiseAsync(company, manager, id);
        return (id, (await Json(await manager.GetAsync(url))).GetProperty("number").GetInt64());
    }

    /// <summary>The company deposits the certificat de réalisation; finance learns the dossier is « Réalisé ».</summary>
    public async Task RealiseAsync(Company company, HttpClient manager, Guid id)
    {
        await Json(await UploadAsync(manager, company.Siret, id, "completionCertificate", Pdf), HttpStatusCode.Created);
        await Eventually.HoldsAsync(async () => await CountAsync("financedb",
            "SELECT count(*) FROM funded_dossiers WHERE \"Id\" = @p AND \"CompletedAt\" IS NOT NULL", id) == 1, Delivery, "finance knows the dossier is realised");
    }

    /// <summary>« Déposer une facture » as the portal sends it: the fields as typed and the file (a PDF unless given).</summary>
    public static async Task<HttpResponseMessage> SubmitInvoiceAsync(HttpClient user, Guid dossier, string number, string hours = "7", string exclTax = "150",
        string vat = "30", string inclTax = "180", string iban = InvoiceIban, byte[]? file = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(dossier.ToString()), "dossierId" }, { new StringContent(number), "number" },
            { new StringContent(Day(Today)), "issuedOn" }, { new StringContent(hours), "hoursDone" }, { new StringContent(exclTax), "amountExclTax" },
            { new StringContent(vat), "vat" }, { new StringContent(inclTax), "amountInclTax" }, { new StringContent(iban), "iban" },
        };
        var content = new ByteArrayContent(file ?? Pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", "facture.pdf");
        return await user.PostAsync("/api/finance/invoices", form);
    }

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static Task<HttpResponseMessage> UploadAsync(HttpClient user, string siret, Guid id, string kind, byte[] content, string fileName = "piece.pdf")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return user.PostAsync($"{Dossiers(siret)}/{id}/documents?kind={kind}&fileName={Uri.EscapeDataString(fileName)}", body);
    }

    public static async Task<JsonElement> RunNightlyAsync(HttpClient administrator) =>
        await Json(await administrator.PostAsync("/api/dossier/admin/nightly-run", null));

    public static string Dossiers(string siret) => $"/api/dossier/establishments/{siret}/dossiers";

    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<T> ScalarAsync<T>(string database, string sql, object value)
    {
        await using var connection = new NpgsqlConnection(_fixture.App.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A statement with two values, @p and @q, straight on a service's database (history a migration would write).</summary>
    public async Task ExecuteAsync(string database, string sql, object p, object q)
    {
        await using var connection = new NpgsqlConnection(_fixture.App.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", p);
        command.Parameters.AddWithValue("q", q);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string database, string sql, object value)
    {
        await using var connection = new NpgsqlConnection(_fixture.App.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(HttpClient Api, UserAccount Account)> SignInAsync(string email, Action<UserAccount> arrange,
        Dictionary<string, Habilitation[]> accesses)
    {
        var account = await Onboarding.Users.CreateAsync(email, u =>
        {
            (u.FirstName, u.LastName) = ("Claire", "Martin");
            arrange(u);
        }, accesses);
        using var oidc = new OidcClient(_fixture.App.GetEndpoint("gateway"), "opco-web", _fixture.App.GetParameter("web-client-secret"));
        var outcome = await oidc.SignInWithCodeAsync(account.Email!, IdentityUsers.Password, Scope);
        var api = _fixture.App.CreateHttpClient("gateway");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", outcome.Tokens!.Value.GetProperty("access_token").GetString());
        return (api, account);
    }
}
