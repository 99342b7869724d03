using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.Contracts.Identity;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Notification;

/// <summary>
/// « Actualités » through the gateway: administrators write and publish, everyone reads published news newest first a
/// page at a time, targeted news reach only the companies holding the offer, and a body's HTML never comes back.
/// </summary>
[Collection(NewsCollection.Name)]
public sealed class NewsTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Admin = "/api/notification/admin/news";
    private const string News = "/api/notification/news";
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task Administrators_publish_drafts_and_only_they_may_write()
    {
        var company = await World.CompanyAsync();
        var manager = await ReaderAsync(company.Siret, Habilitation.Gestionnaire);
        var administrator = await World.AdministratorAsync();
        var word = OnboardingWorld.UniqueWord();

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(Admin, Form($"Interdit {word}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.Advisor.PostAsJsonAsync(Admin, Form($"Interdit {word}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(Admin)).StatusCode);
        var invalid = await Json(await administrator.PostAsJsonAsync(Admin, new { title = " ", summary = "Résumé", body = "Texte" }), HttpStatusCode.BadRequest);
        Assert.Equal("Le titre est obligatoire.", invalid.GetProperty("errors").GetProperty("title")[0].GetString());

        var id = await DraftAsync(administrator, Form($"Brouillon {word}"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{News}/{id}")).StatusCode);
        Assert.DoesNotContain(id, await IdsAsync(manager, company.Siret));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"{Admin}/{id}/publish", null)).StatusCode);

        var version = (await Json(await administrator.PostAsJsonAsync($"{Admin}/{id}/publish", new { }))).GetProperty("version").GetUInt32();
        var article = await Json(await manager.GetAsync($"{News}/{id}?siret={company.Siret}"));
        Assert.Equal($"Brouillon {word}", article.GetProperty("title").GetString());
        Assert.Contains(id, await IdsAsync(manager, company.Siret));

        var edited = await Json(await administrator.PutAsJsonAsync($"{Admin}/{id}", Form($"Publiée {word}", version: version)));
        Assert.NotEqual(version, edited.GetProperty("version").GetUInt32());
        Assert.Equal($"Publiée {word}", (await Json(await manager.GetAsync($"{News}/{id}"))).GetProperty("title").GetString());
        // A form opened before that edit would overwrite it: refused, the edit kept. An edit must say what it was opened on.
        var stale = await Json(await administrator.PutAsJsonAsync($"{Admin}/{id}", Form($"Ancienne {word}", version: version)), HttpStatusCode.Conflict);
        Assert.StartsWith("Cette actualité a été modifiée par un autre administrateur", stale.GetProperty("title").GetString());
        var unversioned = await Json(await administrator.PutAsJsonAsync($"{Admin}/{id}", Form($"Ancienne {word}")), HttpStatusCode.BadRequest);
        Assert.True(unversioned.GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal($"Publiée {word}", (await Json(await manager.GetAsync($"{News}/{id}"))).GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.OK, (await administrator.PostAsync($"{Admin}/{id}/unpublish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{News}/{id}")).StatusCode);

        // Scheduled: published from tomorrow, not shown today.
        var scheduled = await administrator.PostAsJsonAsync($"{Admin}/{id}/publish", new { publishAt = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{News}/{id}")).StatusCode);
        var adminList = await Json(await administrator.GetAsync($"{Admin}?pageSize=100"));
        Assert.Contains(adminList.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Two_administrators_saving_the_same_version_at_once_make_one_edit_and_the_other_is_told()
    {
        var administrator = await World.AdministratorAsync();
        var other = await World.AdministratorAsync();
        var word = OnboardingWorld.UniqueWord();
        var draft = await Json(await administrator.PostAsJsonAsync(Admin, Form($"Brouillon {word}")), HttpStatusCode.Created);
        var (id, version) = (draft.GetProperty("id").GetGuid(), draft.GetProperty("version").GetUInt32());

        var answers = await Task.WhenAll(
            administrator.PutAsJsonAsync($"{Admin}/{id}", Form($"Première {word}", version: version)),
            other.PutAsJsonAsync($"{Admin}/{id}", Form($"Seconde {word}", version: version)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = answers.Single(a => a.StatusCode == HttpStatusCode.OK);
        var title = (await Json(winner)).GetProperty("title").GetString();
        Assert.Equal(title, (await Json(await administrator.GetAsync($"{Admin}/{id}"))).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Readers_get_published_news_newest_first_a_page_at_a_time()
    {
        var company = await World.CompanyAsync();
        var reader = await ReaderAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        var word = OnboardingWorld.UniqueWord();
        var now = DateTimeOffset.UtcNow;
        // Published out of order, dated 1 to 5 minutes ago: the list shows the most recent date first.
        var ids = new Dictionary<int, Guid>();
        foreach (var minutes in new[] { 3, 1, 5, 2, 4 })
        {
            ids[minutes] = await DraftAsync(administrator, Form($"Ordre {minutes} {word}"));
            Assert.Equal(HttpStatusCode.OK, (await administrator.PostAsJsonAsync($"{Admin}/{ids[minutes]}/publish",
                new { publishAt = now.AddMinutes(-minutes) })).StatusCode);
        }

        var all = await IdsAsync(reader, company.Siret);
        var mine = all.Where(ids.ContainsValue).ToList();
        Assert.Equal([ids[1], ids[2], ids[3], ids[4], ids[5]], mine);

        var first = await Json(await reader.GetAsync($"{News}?pageSize=2&page=1"));
        var second = await Json(await reader.GetAsync($"{News}?pageSize=2&page=2"));
        Assert.Equal(all.Count, first.GetProperty("total").GetInt32());
        Assert.Equal(all.Take(4), first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(n => n.GetProperty("id").GetGuid()));
        var badPage = await Json(await reader.GetAsync($"{News}?pageSize=1000"), HttpStatusCode.BadRequest);
        Assert.True(badPage.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task News_targeted_at_an_offer_reach_only_the_companies_holding_it()
    {
        var performance = await World.CompanyAsync("DEFi Performance");
        var plain = await World.CompanyAsync();
        var withOffer = await ReaderAsync(performance.Siret, Habilitation.PriseEnCharge);
        var without = await ReaderAsync(plain.Siret, Habilitation.PriseEnCharge);
        await Eventually.HoldsAsync(async () => await World.CountAsync("notificationdb",
                "SELECT count(*) FROM company_offers WHERE siren = @p AND service_offer = 'DEFi Performance'", performance.Siren) == 1,
            Delivery, "the notification service knows the company's offer");
        var administrator = await World.AdministratorAsync();
        var word = OnboardingWorld.UniqueWord();
        var targeted = await PublishedAsync(administrator, Form($"Ciblée {word}", "DEFi Performance"));
        var everyone = await PublishedAsync(administrator, Form($"Pour tous {word}"));

        Assert.Contains(targeted, await IdsAsync(withOffer, performance.Siret));
        Assert.Equal(HttpStatusCode.OK, (await withOffer.GetAsync($"{News}/{targeted}?siret={performance.Siret}")).StatusCode);
        var plainIds = await IdsAsync(without, plain.Siret);
        Assert.Contains(everyone, plainIds);
        Assert.DoesNotContain(targeted, plainIds);
        Assert.Equal(HttpStatusCode.NotFound, (await without.GetAsync($"{News}/{targeted}?siret={plain.Siret}")).StatusCode);
        // Naming an establishment one does not hold proves nothing.
        Assert.DoesNotContain(targeted, await IdsAsync(without, performance.Siret));
        Assert.Equal(HttpStatusCode.NotFound, (await without.GetAsync($"{News}/{targeted}?siret={performance.Siret}")).StatusCode);
        // Staff see every published news.
        Assert.Contains(targeted, await IdsAsync(performance.Advisor, null));
    }

    [Fact]
    public async Task A_body_s_script_and_raw_html_are_never_returned()
    {
        var company = await World.CompanyAsync();
        var reader = await ReaderAsync(company.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorAsync();
        var id = await PublishedAsync(administrator, new
        {
            title = $"Sûre {OnboardingWorld.UniqueWord()}", summary = "Résumé",
            body = "## Programme\n\nDu **gras** <script>alert('x')</script> et <img src=x onerror=alert(1)>.\n\n- [site](https://www.opco-demo.fr)\n- [piège](javascript:window.stop)",
        });

        var html = (await Json(await reader.GetAsync($"{News}/{id}"))).GetProperty("bodyHtml").GetString()!;

        Assert.Equal("<h3>Programme</h3>\n<p>Du <strong>gras</strong>  et .</p>\n<ul>\n" +
                     "<li><a href=\"https://www.opco-demo.fr\" rel=\"noopener noreferrer\">site</a></li>\n<li>piège</li>\n</ul>\n", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public async Task The_home_summary_gives_the_unread_count_the_latest_notifications_and_the_latest_three_news()
    {
        var company = await World.CompanyAsync();
        var member = await KnownMemberAsync(company.Siret, Habilitation.Reporting);
        var reader = member.Api;
        var userId = await World.ScalarAsync<Guid>("notificationdb", "SELECT user_id FROM user_habilitations WHERE siret = @p", company.Siret);
        // A change of habilitations (not a first grant) is what notifies the user.
        await World.Onboarding.Broker.PublishAsync(new UserHabilitationsChanged(userId, member.Email, "Jeanne", "Testeuse", company.Siret,
            "Établissement de test", ["Reporting"], ["Gestionnaire"], Guid.NewGuid(), DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => (await Json(await reader.GetAsync("/api/notification/me/unread-count"))).GetProperty("unread").GetInt32() > 0,
            Delivery, "the habilitation change's notification is there");
        var administrator = await World.AdministratorAsync();
        var word = OnboardingWorld.UniqueWord();
        var latest = new List<Guid>();
        for (var i = 0; i < 4; i++) latest.Insert(0, await PublishedAsync(administrator, Form($"Accueil {i} {word}")));

        var home = await Json(await reader.GetAsync($"/api/notification/me/home?siret={company.Siret}"));

        var unread = (await Json(await reader.GetAsync("/api/notification/me/unread-count"))).GetProperty("unread").GetInt32();
        Assert.Equal(unread, home.GetProperty("unread").GetInt32());
        Assert.NotEmpty(home.GetProperty("latest").EnumerateArray());
        // Other tests may publish meanwhile; ours are the newest three of the four unless someone published after them.
        var news = home.GetProperty("news").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, news.Count);
        var expected = (await IdsAsync(reader, company.Siret)).Take(3);
        Assert.Equal(expected, news);
    }

    private async Task<HttpClient> ReaderAsync(string siret, Habilitation habilitation) => (await KnownMemberAsync(siret, habilitation)).Api;

    /// <summary>A company user, once the notification service holds their rights there.</summary>
    private async Task<Member> KnownMemberAsync(string siret, Habilitation habilitation)
    {
        var member = await World.MemberAsync(siret, habilitation);
        await Eventually.HoldsAsync(async () => (await member.Api.GetAsync($"/api/notification/establishments/{siret}/permissions")).StatusCode == HttpStatusCode.OK,
            Delivery, "the notification service knows the user's rights");
        return member;
    }

    private static object Form(string title, string? targetOffer = null, uint? version = null) =>
        new { title, summary = $"Résumé de {title}", body = $"Texte de **{title}**.", targetOffer, version };

    private static async Task<Guid> DraftAsync(HttpClient administrator, object form) =>
        (await Json(await administrator.PostAsJsonAsync(Admin, form), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> PublishedAsync(HttpClient administrator, object form)
    {
        var id = await DraftAsync(administrator, form);
        Assert.Equal(HttpStatusCode.OK, (await administrator.PostAsJsonAsync($"{Admin}/{id}/publish", new { })).StatusCode);
        return id;
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient reader, string? siret) =>
        [.. (await Json(await reader.GetAsync($"{News}?pageSize=100{(siret is null ? "" : $"&siret={siret}")}")))
            .GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid())];
}
