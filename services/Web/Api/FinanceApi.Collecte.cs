namespace Opco.Web.Api;

/// <summary>The collecte, on an establishment where the user holds the functionality, for its company: mandates, voluntary payments, contributions.</summary>
public sealed partial class FinanceApi
{
    public Task<ApiResult<List<MandateSummary>>> MandatesAsync(string siret) => GetAsync<List<MandateSummary>>(Mandates(siret));

    public Task<ApiResult<MandateDetail>> MandateAsync(string siret, Guid id) => GetAsync<MandateDetail>($"{Mandates(siret)}/{id}");

    public Task<ApiResult<MandateDetail>> CreateMandateAsync(string siret, MandateForm form) => SendAsync<MandateDetail>(HttpMethod.Post, Mandates(siret), form);

    public Task<ApiResult<byte[]>> MandatePdfAsync(string siret, Guid id) => GetBytesAsync($"{Mandates(siret)}/{id}/pdf");

    public Task<ApiResult<MandateDetail>> SignMandateAsync(string siret, Guid id, MandateSignature signature) =>
        SendAsync<MandateDetail>(HttpMethod.Post, $"{Mandates(siret)}/{id}/sign", signature);

    public Task<ApiResult<MandateDetail>> AmendMandateAsync(string siret, Guid id, MandateAmendment amendment) =>
        SendAsync<MandateDetail>(HttpMethod.Put, $"{Mandates(siret)}/{id}/iban", amendment);

    public Task<ApiResult<MandateDetail>> RevokeMandateAsync(string siret, Guid id) => SendAsync<MandateDetail>(HttpMethod.Post, $"{Mandates(siret)}/{id}/revoke", null);

    public Task<ApiResult<List<CallForFunds>>> VoluntaryContributionsAsync(string siret) => GetAsync<List<CallForFunds>>(Calls(siret));

    public Task<ApiResult<CallForFunds>> TriggerVoluntaryContributionAsync(string siret, VoluntaryContributionForm form) =>
        SendAsync<CallForFunds>(HttpMethod.Post, Calls(siret), form);

    public Task<ApiResult<byte[]>> CallForFundsPdfAsync(string siret, Guid id) => GetBytesAsync($"{Calls(siret)}/{id}/call-for-funds");

    public Task<ApiResult<CallForFunds>> CancelVoluntaryContributionAsync(string siret, Guid id) =>
        SendAsync<CallForFunds>(HttpMethod.Post, $"{Calls(siret)}/{id}/cancel", null);

    public Task<ApiResult<List<ContributionDeclaration>>> ContributionsAsync(string siret) => GetAsync<List<ContributionDeclaration>>(Contributions(siret));

    public Task<ApiResult<List<ContributionRate>>> ContributionRatesAsync(string siret) => GetAsync<List<ContributionRate>>($"{Contributions(siret)}/rates");

    public Task<ApiResult<ContributionDeclaration>> CreateContributionAsync(string siret, ContributionForm form) =>
        SendAsync<ContributionDeclaration>(HttpMethod.Post, Contributions(siret), form);

    /// <summary>Changes a draft's figures (its year stays), and declares it when <see cref="ContributionForm.Declare"/>.</summary>
    public Task<ApiResult<ContributionDeclaration>> UpdateContributionAsync(string siret, Guid id, ContributionForm form) =>
        SendAsync<ContributionDeclaration>(HttpMethod.Put, $"{Contributions(siret)}/{id}", form);

    public Task<ApiResult<ContributionDeclaration>> DeclareContributionAsync(string siret, Guid id) =>
        SendAsync<ContributionDeclaration>(HttpMethod.Post, $"{Contributions(siret)}/{id}/declare", null);

    // OPCO administrators.
    public Task<ApiResult<List<AdminMandate>>> SignedMandatesAsync() => GetAsync<List<AdminMandate>>("api/finance/admin/mandates?status=Signed");

    public Task<ApiResult<MandateDetail>> ActivateMandateAsync(Guid id) => SendAsync<MandateDetail>(HttpMethod.Post, $"api/finance/admin/mandates/{id}/activate", null);

    public Task<ApiResult<List<CallForFunds>>> OpenCallsAsync() => GetAsync<List<CallForFunds>>("api/finance/admin/voluntary-contributions");

    public Task<ApiResult<CashRecorded>> RecordCashAsync(Guid id, Guid instalmentId, DateOnly? cashedOn) =>
        SendAsync<CashRecorded>(HttpMethod.Post, $"api/finance/admin/voluntary-contributions/{id}/instalments/{instalmentId}/cash", new { cashedOn });

    public Task<ApiResult<List<ContributionDeclaration>>> UnpaidContributionsAsync() => GetAsync<List<ContributionDeclaration>>("api/finance/admin/contributions");

    public Task<ApiResult<ContributionDeclaration>> RecordContributionPaymentAsync(Guid id, DateOnly? paidOn) =>
        SendAsync<ContributionDeclaration>(HttpMethod.Post, $"api/finance/admin/contributions/{id}/payment", new { paidOn });

    private static string Establishment(string siret) => $"api/finance/establishments/{Uri.EscapeDataString(siret)}";
    private static string Mandates(string siret) => $"{Establishment(siret)}/mandates";
    private static string Calls(string siret) => $"{Establishment(siret)}/voluntary-contributions";
    private static string Contributions(string siret) => $"{Establishment(siret)}/contributions";
}
