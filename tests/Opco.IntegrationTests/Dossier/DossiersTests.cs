using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opco.Contracts.Finance;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// Dossiers end to end through the gateway: the company enters and transmits, the nightly run moves them, the advisor
/// decides, finance records the commitment in its ledger, the followers are notified.
/// </summary>
public sealed class DossiersTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_complete_dossier_is_transmitted_moved_at_night_accepted_committed_in_the_ledger_and_notified()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge, Habilitation.DonneesSensibles);
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 5000m);
        var (id, _) = await World.CompleteDossierAsync(manager, company.Siret, wage: 15m);
        var url = $"{Dossiers(company.Siret)}/{id}";

        var draft = await Json(await manager.GetAsync(url));
        Assert.True(draft.GetProperty("steps").EnumerateArray().All(s => s.GetProperty("complete").GetBoolean()));
        Assert.Equal(7, draft.GetProperty("currentStep").GetInt32());
        // 14 h × min(15 €, 11,88 € the SMIC cap) = 166,32 €, computed from the wage, never typed.
        Assert.Equal(166.32m, draft.GetProperty("costs").GetProperty("salaryCost").GetDecimal());

        var transmitted = await Json(await manager.PostAsync($"{url}/transmission", null));
        Assert.Equal("TransmissionRequested", transmitted.GetProperty("dossier").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await company.Advisor.GetAsync($"/api/dossier/advisor/dossiers/{id}")).StatusCode);

        var run = await RunNightlyAsync(administrator);
        Assert.True(run.GetProperty("transmitted").GetInt32() >= 1);
        var underReview = await Json(await manager.GetAsync(url));
        Assert.Equal("En cours de validation", underReview.GetProperty("statusLabel").GetString());
        var last = underReview.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("TransmissionRequested", "UnderReview", "Transmission de nuit"),
            (last.GetProperty("from").GetString(), last.GetProperty("to").GetString(), last.GetProperty("byName").GetString()));

        var toInstruct = await Json(await company.Advisor.GetAsync("/api/dossier/advisor/dossiers"));
        Assert.Contains(toInstruct.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var tooMuch = await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/acceptance", new { grantedAmount = 450m });
        Assert.Equal("Le montant accordé ne peut pas dépasser le montant demandé (400,00 €).",
            (await Json(tooMuch, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("grantedAmount")[0].GetString());
        var pending = await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/acceptance", new { grantedAmount = 350m }));
        Assert.Contains(pending.GetProperty("status").GetString(), new[] { "AcceptancePending", "Accepted" });

        await Eventually.HoldsAsync(async () => (await Json(await manager.GetAsync(url))).GetProperty("status").GetString() == "Accepted",
            Delivery, "finance records the commitment and the dossier is accepted");
        var figures = await FiguresAsync(administrator, company.Siren);
        Assert.Equal((5000m, 350m, 4650m), (figures.GetProperty("credited").GetDecimal(), figures.GetProperty("openCommitments").GetDecimal(),
            figures.GetProperty("availableForCommitment").GetDecimal()));
        Assert.Equal(350m, (await Json(await manager.GetAsync(url))).GetProperty("grantedAmount").GetDecimal());
        var agreement = await manager.GetAsync($"{url}/agreement");
        Assert.Equal("application/pdf", agreement.Content.Headers.ContentType!.MediaType);
        var pdf = Encoding.Latin1.GetString(await agreement.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("%PDF-1.4", pdf);
        Assert.Contains("(Accord de prise en charge)", pdf);
        // "350,00 €", the euro sign where WinAnsi puts it (0x80).
        Assert.Contains("Montant accordé : 350,00 \u0080", pdf);

        await Eventually.HoldsAsync(async () =>
        {
            var notifications = await manager.GetFromJsonAsync<JsonElement>("/api/notification/me/notifications");
            return notifications.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("title").GetString()!.EndsWith(": Accepté"));
        }, Delivery, "the manager is notified that the dossier is accepted");

        // Cancelled before the training starts: the commitment goes back to the account.
        var cancelled = await Json(await manager.PostAsJsonAsync($"{url}/cancellation", new { reason = "Formation reportée à l'an prochain." }));
        Assert.Equal("Cancelled", cancelled.GetProperty("dossier").GetProperty("status").GetString());
        await Eventually.HoldsAsync(async () => (await FiguresAsync(administrator, company.Siren)).GetProperty("availableForCommitment").GetDecimal() == 5000m,
            Delivery, "finance releases the cancelled dossier's commitment");
        Assert.Equal(0m, (await FiguresAsync(administrator, company.Siren)).GetProperty("openCommitments").GetDecimal());
    }

    [Fact]
    public async Task A_commitment_that_does_not_fit_sends_the_dossier_back_to_the_advisor_with_the_reason_and_a_new_request_is_recorded_once()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorAsync();
        await CreditAsync(administrator, company.Siren, 300m);
        var (id, _) = await World.CompleteDossierAsync(manager, company.Siret);
        await Json(await manager.PostAsync($"{Dossiers(company.Siret)}/{id}/transmission", null));
        await RunNightlyAsync(administrator);

        await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/acceptance", new { grantedAmount = 350m }));

        JsonElement back = default;
        await Eventually.HoldsAsync(async () =>
        {
            back = await Json(await company.Advisor.GetAsync($"/api/dossier/advisor/dossiers/{id}"));
            return back.GetProperty("status").GetString() == "UnderReview";
        }, Delivery, "finance refuses the commitment and the dossier is back under review");
        Assert.Equal("Le montant accordé (350,00 €) dépasse le disponible pour engagement de « Plan obligatoire » (300,00 €) : l'engagement n'a pas été enregistré.",
            back.GetProperty("commitmentFailure").GetString());
        Assert.Equal(0m, (await FiguresAsync(administrator, company.Siren)).GetProperty("openCommitments").GetDecimal());

        // Accepted within the money, then finance asked again for the same dossier (a redelivery): one commitment.
        await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/acceptance", new { grantedAmount = 250m }));
        await Eventually.HoldsAsync(async () => (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}"))).GetProperty("status").GetString() == "Accepted",
            Delivery, "the smaller amount fits and the dossier is accepted");
        await World.Onboarding.Broker.PublishAsync(new CommitmentRequested(id, 0, CommitmentCauses.Dossier, company.Siren, "CompanyAccount", "Plan obligatoire", 2027, 250m,
            false, DateTimeOffset.UtcNow), Guid.NewGuid());
        // Finance answers every request with the dossier as its key: refused, recorded, then recorded again.
        await Eventually.HoldsAsync(async () => await World.CountAsync("financedb",
                "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @p", id.ToString()) == 3,
            Delivery, "finance answers the repeated request");
        Assert.Equal(250m, (await FiguresAsync(administrator, company.Siren)).GetProperty("openCommitments").GetDecimal());
        Assert.Equal(1L, await World.CountAsync("financedb", "SELECT count(*) FROM ledger_entries WHERE \"CauseId\" = @p AND \"Kind\" = 'Commitment'", id));
    }

    [Fact]
    public async Task A_refused_dossier_can_no_longer_be_changed_and_the_company_is_told_to_contact_its_handler()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorAsync();
        var (id, _) = await World.CompleteDossierAsync(manager, company.Siret);
        await Json(await manager.PostAsync($"{Dossiers(company.Siret)}/{id}/transmission", null));
        await RunNightlyAsync(administrator);

        var noReason = await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/refusal", new { reason = " " });
        Assert.Equal("Le motif du refus est obligatoire.", (await Json(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("reason")[0].GetString());
        var refused = await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/refusal", new { reason = "Action hors périmètre du plan." }));
        Assert.Equal("Refused", refused.GetProperty("status").GetString());

        Assert.StartsWith("Le dossier est « Refusé » : l'accord de prise en charge n'existe qu'une fois le dossier accepté.",
            (await Json(await manager.GetAsync($"{Dossiers(company.Siret)}/{id}/agreement"), HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var change = await manager.PutAsJsonAsync($"{Dossiers(company.Siret)}/{id}/action", new { title = "Autre" });
        var problem = await Json(change, HttpStatusCode.Conflict);
        Assert.Equal("Le dossier est « Refusé » : il n'est plus modifiable. Pour toute modification, contactez son gestionnaire à l'OPCO, Claire Martin.",
            problem.GetProperty("detail").GetString());
        var again = await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/acceptance", new { grantedAmount = 100m });
        Assert.StartsWith("Le dossier est « Refusé » : il ne peut pas passer", (await Json(again, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unlocked_request_goes_back_to_the_entry_and_an_incomplete_or_late_one_is_not_transmitted()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var empty = await Json(await manager.PostAsync(Dossiers(company.Siret), null), HttpStatusCode.Created);
        var incomplete = await manager.PostAsync($"{Dossiers(company.Siret)}/{empty.GetProperty("id").GetGuid()}/transmission", null);
        Assert.StartsWith("Le dossier est incomplet : étape 1 « Cadre » : le dispositif", (await Json(incomplete, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        var (id, _) = await World.CompleteDossierAsync(manager, company.Siret, start: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));
        var url = $"{Dossiers(company.Siret)}/{id}";
        var transmitted = await Json(await manager.PostAsync($"{url}/transmission", null));
        Assert.Contains(transmitted.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("La formation commence dans moins de 30 jours"));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"{url}/action", new { title = "Modifié" })).StatusCode);

        var unlocked = await Json(await manager.PostAsync($"{url}/unlock", null));
        Assert.Equal("Draft", unlocked.GetProperty("dossier").GetProperty("status").GetString());
        var past = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        await Json(await manager.PutAsJsonAsync($"{url}/action", new
        {
            title = "Management d'équipe", nature = "ActionFormation", modality = "Mixte", startDate = past.ToString("yyyy-MM-dd"),
            endDate = past.AddDays(1).ToString("yyyy-MM-dd"), hours = 14m, place = "Lyon",
        }));
        var late = await manager.PostAsync($"{url}/transmission", null);
        Assert.StartsWith($"La formation commence le {past:dd/MM/yyyy}", (await Json(late, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"{url}/unlock", null)).StatusCode);
    }

    [Fact]
    public async Task Pieces_asked_by_the_advisor_are_added_and_the_dossier_comes_back_and_it_cannot_be_refused_before_the_deadline()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorAsync();
        var (id, _) = await World.CompleteDossierAsync(manager, company.Siret);
        var url = $"{Dossiers(company.Siret)}/{id}";
        await Json(await manager.PostAsync($"{url}/transmission", null));
        await RunNightlyAsync(administrator);

        var awaiting = await Json(await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/documents-request",
            new { documents = "Le programme détaillé signé." }));
        Assert.Equal("AwaitingDocuments", awaiting.GetProperty("status").GetString());
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime).AddDays(30),
            DateOnly.Parse(awaiting.GetProperty("documentsDueOn").GetString()!));
        var early = await company.Advisor.PostAsJsonAsync($"/api/dossier/advisor/dossiers/{id}/refusal", new { reason = "Pièces manquantes" });
        Assert.StartsWith("Les pièces demandées sont attendues jusqu'au", (await Json(early, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal("Ajoutez les pièces demandées avant de renvoyer le dossier.",
            (await Json(await manager.PostAsync($"{url}/return", null), HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        await Json(await UploadAsync(manager, company.Siret, id, "supplement", Png, "programme-signe.png"), HttpStatusCode.Created);
        var returned = await Json(await manager.PostAsync($"{url}/return", null));
        Assert.Equal("UnderReview", returned.GetProperty("dossier").GetProperty("status").GetString());
        var piece = returned.GetProperty("dossier").GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Supplement");
        var download = await company.Advisor.GetAsync($"/api/dossier/advisor/dossiers/{id}/documents/{piece.GetProperty("id").GetGuid()}");
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_step_saved_from_a_screen_read_before_another_save_is_refused_and_the_newer_save_kept()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var colleague = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var created = await Json(await manager.PostAsync(Dossiers(company.Siret), null), HttpStatusCode.Created);
        var url = $"{Dossiers(company.Siret)}/{created.GetProperty("id").GetGuid()}";
        // Both open the dossier's entry: the same version.
        var read = (await Json(await colleague.GetAsync(url))).GetProperty("version").GetUInt32();
        Assert.Equal(created.GetProperty("version").GetUInt32(), read);

        var first = await Json(await PutIfMatchAsync(manager, $"{url}/action", new { title = "Management d'équipe" }, read));
        var stale = await PutIfMatchAsync(colleague, $"{url}/action", new { title = "Gestion de projet" }, read);
        Assert.Equal("Ce dossier vient d'être modifié par quelqu'un d'autre : rechargez-le, puis refaites votre modification.",
            (await Json(stale, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Management d'équipe", (await Json(await manager.GetAsync(url))).GetProperty("title").GetString());

        // Reloaded, the colleague's change is taken; a malformed version is refused like a stale one.
        var fresh = (await Json(await colleague.GetAsync(url))).GetProperty("version").GetUInt32();
        Assert.Equal(first.GetProperty("version").GetUInt32(), fresh);
        Assert.NotEqual(read, fresh);
        Assert.Equal(HttpStatusCode.Conflict, (await PutIfMatchAsync(colleague, $"{url}/action", new { title = "Gestion de projet" }, null)).StatusCode);
        var second = await Json(await PutIfMatchAsync(colleague, $"{url}/action", new { title = "Gestion de projet" }, fresh));
        Assert.Equal("Gestion de projet", second.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Bad_files_get_a_french_answer_and_nothing_is_stored()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var id = (await Json(await manager.PostAsync(Dossiers(company.Siret), null), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var text = await UploadAsync(manager, company.Siret, id, "quote", Encoding.UTF8.GetBytes("MZ not a pdf"), "devis.pdf");
        Assert.Equal("Le fichier doit être un PDF, une image JPEG ou une image PNG.", (await Json(text, HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString());
        var huge = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(huge, 0);
        var tooLarge = await UploadAsync(manager, company.Siret, id, "quote", huge, "devis.pdf");
        Assert.Equal("Le fichier dépasse la taille maximale de 10 Mo.", (await Json(tooLarge, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());
        var kind = await UploadAsync(manager, company.Siret, id, "facture", Pdf);
        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        Assert.Equal(0L, await World.CountAsync("dossierdb", "SELECT count(*) FROM dossier_documents WHERE \"DossierId\" = @p", id));

        // The control: a PDF of exactly 10 MB is taken.
        var limit = new byte[10 * 1024 * 1024];
        Pdf.CopyTo(limit, 0);
        await Json(await UploadAsync(manager, company.Siret, id, "quote", limit, "devis.pdf"), HttpStatusCode.Created);
        Assert.Equal(1L, await World.CountAsync("dossierdb", "SELECT count(*) FROM dossier_documents WHERE \"DossierId\" = @p", id));
    }

    [Fact]
    public async Task Wages_and_the_salary_cost_are_absent_without_donnees_sensibles_and_another_establishment_sees_nothing()
    {
        var company = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge, Habilitation.DonneesSensibles);
        var follower = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var stranger = await World.UserAsync(other.Siret, Habilitation.Gestionnaire);
        var (id, employee) = await World.CompleteDossierAsync(manager, company.Siret, wage: 15m);
        var url = $"{Dossiers(company.Siret)}/{id}";

        var seen = await Json(await follower.GetAsync(url));
        var costs = seen.GetProperty("costs");
        Assert.Equal(JsonValueKind.Null, costs.GetProperty("salaryCost").ValueKind);
        Assert.Equal(JsonValueKind.Null, costs.GetProperty("fundableTotal").ValueKind);
        Assert.Equal("frais de salaire calculés par l'OPCO", costs.GetProperty("salaryCostNote").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("trainees")[0].GetProperty("hourlyWage").ValueKind);
        Assert.DoesNotContain("166.32", seen.GetRawText());
        Assert.Equal(166.32m, (await Json(await manager.GetAsync(url))).GetProperty("costs").GetProperty("salaryCost").GetDecimal());

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Dossiers(other.Siret)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"{Dossiers(other.Siret)}/{id}/action", new { title = "Pris" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/dossier/establishments/{company.Siret}/employees/{employee}")).StatusCode);
        var strangers = await Json(await stranger.GetAsync("/api/dossier/dossiers"));
        Assert.DoesNotContain(strangers.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Advisor.GetAsync($"/api/dossier/advisor/dossiers/{id}")).StatusCode);
    }

    [Fact]
    public async Task Mes_dossiers_lists_filters_and_exports_a_csv_that_opens_in_a_french_excel()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var (id, _) = await World.CompleteDossierAsync(manager, company.Siret);
        await Json(await manager.PostAsync(Dossiers(company.Siret), null), HttpStatusCode.Created);

        var drafts = await Json(await manager.GetAsync($"/api/dossier/dossiers?siret={company.Siret}&status=draft&sort=number&direction=asc"));
        Assert.Equal(2, drafts.GetProperty("total").GetInt32());
        var first = drafts.GetProperty("items")[0];
        Assert.Equal((id, "En cours de saisie", "Plan de développement des compétences"),
            (first.GetProperty("id").GetGuid(), first.GetProperty("statusLabel").GetString(), first.GetProperty("schemeLabel").GetString()));
        // The search takes a dossier number, or the starts of the title's words in any order ("Management d'équipe").
        async Task<int> FoundAsync(string search) => (await Json(await manager.GetAsync(
            $"/api/dossier/dossiers?siret={company.Siret}&search={Uri.EscapeDataString(search)}"))).GetProperty("total").GetInt32();
        // "e" and its accent typed apart (U+0301) are the same word as "é".
        Assert.Equal((1, 1, 1, 0, 0), (await FoundAsync("management"), await FoundAsync("E\u0301QUIPE manag"),
            await FoundAsync(first.GetProperty("number").GetInt64().ToString()), await FoundAsync("agement"), await FoundAsync("%'&!:*")));
        var wrong = await manager.GetAsync("/api/dossier/dossiers?status=perdu");
        Assert.StartsWith("Le statut doit être l'un de", (await Json(wrong, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("status")[0].GetString());

        var export = await manager.GetAsync($"/api/dossier/dossiers/export?siret={company.Siret}&sort=number&direction=asc");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("N° de dossier;Statut;Dispositif;SIRET de l'établissement;Intitulé de l'action", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(";En cours de saisie;Plan de développement des compétences;", lines[1]);
        Assert.Contains(";400,00;", lines[1]);

        // The totals follow the dossiers as they move (counters the database keeps in the mover's transaction).
        await Json(await manager.PostAsync($"{Dossiers(company.Siret)}/{id}/transmission", null));
        async Task<int> TotalAsync(string query) =>
            (await Json(await manager.GetAsync($"/api/dossier/dossiers?{query}"))).GetProperty("total").GetInt32();
        // Another test's nightly run may move it on to "En cours de validation" at any moment: it is in one of the two.
        Assert.Equal((2, 1, 1), (await TotalAsync($"siret={company.Siret}"), await TotalAsync($"siret={company.Siret}&status=draft"),
            await TotalAsync("status=transmissionRequested") + await TotalAsync("status=underReview")));
        // An establishment the manager does not follow has no dossier for them, whatever it holds.
        var other = await World.CompanyAsync();
        await World.CompleteDossierAsync(await World.UserAsync(other.Siret, Habilitation.PriseEnCharge), other.Siret);
        Assert.Equal((0, 2), (await TotalAsync($"siret={other.Siret}"), await TotalAsync("")));
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
}
