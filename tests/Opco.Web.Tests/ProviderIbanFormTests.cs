using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Opco.Web.Api;
using Opco.Web.State;
using StaffInvoicePage = Opco.Web.Components.Pages.Invoices.StaffInvoice;

namespace Opco.Web.Tests;

/// <summary>
/// « IBAN de l'organisme de formation » on an administrator's invoice paid by subrogation: a wrong IBAN answers on its field,
/// a right one is sent to the dossier service and the page shows it once finance has it.
/// </summary>
public sealed class ProviderIbanFormTests
{
    private static readonly Guid InvoiceId = new("0193e3a0-0000-7000-8000-000000000010");
    private const string ProviderSiret = "44306184100047";
    private const string IbanUrl = $"/api/dossier/admin/training-providers/{ProviderSiret}/iban";
    private const string InvoiceUrl = "/api/finance/admin/invoices/0193e3a0-0000-7000-8000-000000000010";

    private static InvoiceDetail Invoice(string? providerIban) => new(InvoiceId, Guid.NewGuid(), 42, "Management", "73282932000074", "TrainingProvider",
        "Organisme de formation (subrogation)", ProviderSiret, "OF-1", new DateOnly(2026, 12, 1), 7m, 150m, 30m, 180m, "ApprovedForPayment", "Bon à payer",
        null, null, false, "facture.pdf", "application/pdf", 1234, DateTimeOffset.UtcNow, "Claire Dubois", "Paul Conseil", [], null,
        new InvoiceDossierView(350m, 0m, 350m, 14m, 7m, true, false, true, ProviderSiret, "Institut Avenir", providerIban));

    [Fact]
    public async Task A_wrong_iban_answers_on_its_field_and_a_right_one_shows_once_finance_has_it()
    {
        await using var ctx = new BunitContext();
        var api = new FakeApi()
            .On(HttpMethod.Get, "/api/identity/me", new MyProfile(Guid.NewGuid(), "Madame", "Gestion", "Anne", "a@opco.fr", null, null, null, "Administrator"))
            .On(HttpMethod.Get, "/api/identity/me/establishments", Array.Empty<MyEstablishment>())
            .On(HttpMethod.Get, InvoiceUrl, Invoice(null))
            .On(HttpMethod.Put, IbanUrl, new { title = "L'IBAN de l'organisme de formation contient des erreurs.", status = 400,
                errors = new Dictionary<string, string[]> { ["iban"] = ["Cet IBAN n'est pas valide : vérifiez sa saisie."] } }, HttpStatusCode.BadRequest);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        api.Register(ctx.Services);
        ctx.Services.AddScoped<CurrentUser>();
        await ctx.Services.GetRequiredService<CurrentUser>().EnsureLoadedAsync();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/administration/factures/{InvoiceId}");
        var page = ctx.Render<StaffInvoicePage>(parameters => parameters.Add(p => p.Id, InvoiceId));
        page.WaitForAssertion(() => Assert.Contains("aucun IBAN n'est enregistré", page.Markup));

        page.Find("#organisme-iban").Input("FR14 2004 1010 0505 0001 3M02 607");
        await page.Find("#organisme-iban").Closest("form")!.SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains("Cet IBAN n'est pas valide : vérifiez sa saisie.", page.Markup));

        // Accepted by the dossier service; finance's copy still shows none at first, then the new one.
        api.On(HttpMethod.Put, IbanUrl, new TrainingProviderHit(Guid.NewGuid(), ProviderSiret, "11755555555", "Institut Avenir", "3 rue des Écoles", "75005",
            "Paris", true, "FR14 •••• •••• 2606"));
        var held = api.Hold(HttpMethod.Get, InvoiceUrl);
        page.Find("#organisme-iban").Input("FR14 2004 1010 0505 0001 3M02 606");
        var submitted = page.Find("#organisme-iban").Closest("form")!.SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains(api.Received, r => r.Method == HttpMethod.Put && r.Body!.Contains("3M02 606")));
        api.On(HttpMethod.Get, InvoiceUrl, Invoice("FR14 •••• •••• 2606"));
        held.SetResult();
        await submitted;
        page.WaitForAssertion(() => Assert.Contains("IBAN de l'organisme enregistré : FR14 •••• •••• 2606.", page.Markup));
        Assert.Contains("IBAN actuel FR14 •••• •••• 2606.", page.Markup);
        Assert.DoesNotContain("rechargez la page", page.Markup);
    }
}
