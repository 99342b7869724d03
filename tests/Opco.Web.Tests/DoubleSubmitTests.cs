using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Opco.Web.Api;
using Opco.Web.State;
using MandatesPage = Opco.Web.Components.Pages.Collecte.Mandates;

namespace Opco.Web.Tests;

/// <summary>
/// A double click submits a form twice before the disabled button reaches the browser: the second submission, queued
/// behind the first while it waits for the API, must not send a second request (two mandates, two calls for funds...).
/// </summary>
public sealed class DoubleSubmitTests
{
    private const string Siret = "73282932000074";
    private const string Mandates = $"/api/finance/establishments/{Siret}/mandates";
    private static readonly Guid MandateId = new("0193e3a0-0000-7000-8000-000000000002");

    [Fact]
    public async Task A_form_submitted_twice_while_its_call_runs_sends_one_request()
    {
        await using var ctx = new BunitContext();
        var api = new FakeApi()
            .On(HttpMethod.Get, "/api/identity/me", new MyProfile(Guid.NewGuid(), "Madame", "Dubois", "Claire", "c@example.fr", null, "DRH", null, null))
            .On(HttpMethod.Get, "/api/identity/me/establishments",
                new[] { new MyEstablishment(Siret, "Siège", "ATELIER DÉMO", true, true, false, ["CollecteVersements"], ["CollecteVersements"], []) })
            .On(HttpMethod.Get, Mandates, Array.Empty<MandateSummary>())
            .On(HttpMethod.Post, Mandates, new MandateDetail(MandateId, "OPCO-RUM-000001", "732829320", Siret, "B2B", "SEPA B2B", "FR76 •••• 0189", "AGRIFRPPXXX",
                "ATELIER DÉMO", null, null, "Draft", "Brouillon", null, null, null, DateTimeOffset.UtcNow, []));
        var held = api.Hold(HttpMethod.Post, Mandates);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        api.Register(ctx.Services);
        ctx.Services.AddScoped<CurrentUser>();
        await ctx.Services.GetRequiredService<CurrentUser>().EnsureLoadedAsync();
        var page = ctx.Render<MandatesPage>();
        page.WaitForAssertion(() => Assert.Contains("Aucun mandat", page.Markup));
        page.Find("#mandat-iban").Input("FR7630006000011234567890189");
        page.Find("#mandat-bic").Input("AGRIFRPPXXX");
        page.Find("#mandat-debiteur").Input("ATELIER DÉMO");

        // Each submission's task ends with its handler: the first waits on the held call.
        var first = page.Find("form").SubmitAsync();
        // The first call has reached the API and waits there: the second submission comes in behind it.
        page.WaitForAssertion(() => Assert.Single(api.Received, r => r.Method == HttpMethod.Post));
        var second = page.Find("form").SubmitAsync();
        held.SetResult();
        await Task.WhenAll(first, second);

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/mandats/{Siret}/{MandateId}", navigation.Uri));
        Assert.Single(api.Received, r => r.Method == HttpMethod.Post);
    }
}
