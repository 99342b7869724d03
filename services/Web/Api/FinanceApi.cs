namespace Opco.Web.Api;

/// <summary>The finance service for the portal: « Mes comptes », each account's figures and movements, and their CSV.</summary>
public sealed partial class FinanceApi(HttpClient http, ILogger<FinanceApi> logger) : ApiClient(http, logger)
{
    /// <summary>Every company the user holds « Visualiser les comptes » on, with the three figures' definitions.</summary>
    public Task<ApiResult<MyAccounts>> MyAccountsAsync() => GetAsync<MyAccounts>("api/finance/accounts");

    public Task<ApiResult<AccountDetail>> AccountAsync(string siren, string code, string query) =>
        GetAsync<AccountDetail>($"{Account(siren, code)}?{query}");

    public Task<ApiResult<byte[]>> ExportAccountAsync(string siren, string code, string query) => GetBytesAsync($"{Account(siren, code)}/export?{query}");

    private static string Account(string siren, string code) => $"api/finance/accounts/{Uri.EscapeDataString(siren)}/{Uri.EscapeDataString(code)}";
}
