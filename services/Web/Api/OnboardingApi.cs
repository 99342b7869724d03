namespace Opco.Web.Api;

/// <summary>Onboarding's API: the public directory and account requests, and the requests a manager or advisor decides.</summary>
public sealed class OnboardingApi(HttpClient http, ILogger<OnboardingApi> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<List<CompanyMatch>>> SearchCompaniesAsync(string text, int limit = 10) =>
        GetAsync<List<CompanyMatch>>($"api/onboarding/directory/companies?q={Uri.EscapeDataString(text)}&limit={limit}");

    public Task<ApiResult<List<DirectoryEstablishment>>> GetEstablishmentsAsync(string siren) =>
        GetAsync<List<DirectoryEstablishment>>($"api/onboarding/directory/companies/{Uri.EscapeDataString(siren)}/establishments");

    public Task<ApiResult<EstablishmentOffer>> GetOfferAsync(string siret) =>
        GetAsync<EstablishmentOffer>($"api/onboarding/establishments/{Uri.EscapeDataString(siret)}/offer");

    public Task<ApiResult<SubmissionAccepted>> SubmitAccountRequestAsync(AccountRequestSubmission request) =>
        SendAsync<SubmissionAccepted>(HttpMethod.Post, "api/onboarding/account-requests", request);

    public Task<ApiResult<SubmissionAccepted>> SubmitRegistrationRequestAsync(RegistrationRequestSubmission request) =>
        SendAsync<SubmissionAccepted>(HttpMethod.Post, "api/onboarding/registration-requests", request);

    public Task<ApiResult<AccountRequestsPage>> ListAccountRequestsAsync(string sort, bool descending, int page) =>
        GetAsync<AccountRequestsPage>($"api/onboarding/account-requests?sort={sort}&direction={(descending ? "desc" : "asc")}&page={page}");

    public Task<ApiResult<AccountRequestDetails>> GetAccountRequestAsync(Guid id) =>
        GetAsync<AccountRequestDetails>($"api/onboarding/account-requests/{id}");

    public Task<ApiResult<bool>> ApproveAsync(Guid id, AccountRequestApproval approval) =>
        SendAsync(HttpMethod.Post, $"api/onboarding/account-requests/{id}/approve", approval);

    public Task<ApiResult<bool>> RefuseAsync(Guid id, string? reason) =>
        SendAsync(HttpMethod.Post, $"api/onboarding/account-requests/{id}/refuse", new { reason });
}
