using System.Net.Http.Headers;

namespace Opco.Web.Api;

/// <summary>"Mes salariés" of an establishment, their hourly wages and the import by file.</summary>
public sealed class DossierApi(HttpClient http, ILogger<DossierApi> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<EmployeeSheetsPage>> ListEmployeesAsync(string siret, string query) =>
        GetAsync<EmployeeSheetsPage>($"{Employees(siret)}?{query}");

    public Task<ApiResult<EmployeeSheet>> GetEmployeeAsync(string siret, Guid id) => GetAsync<EmployeeSheet>($"{Employees(siret)}/{id}");

    public Task<ApiResult<EmployeeSheet>> CreateEmployeeAsync(string siret, EmployeeInput employee) =>
        SendAsync<EmployeeSheet>(HttpMethod.Post, Employees(siret), employee);

    public Task<ApiResult<EmployeeSheet>> EditEmployeeAsync(string siret, Guid id, EmployeeInput employee) =>
        SendAsync<EmployeeSheet>(HttpMethod.Put, $"{Employees(siret)}/{id}", employee);

    public Task<ApiResult<EmployeeWages>> GetWagesAsync(string siret, Guid id) => GetAsync<EmployeeWages>($"{Employees(siret)}/{id}/wages");

    public Task<ApiResult<EmployeeWages>> RecordWageAsync(string siret, Guid id, DateOnly? appliesFrom, decimal? hourlyGross) =>
        SendAsync<EmployeeWages>(HttpMethod.Post, $"{Employees(siret)}/{id}/wages", new { appliesFrom, hourlyGross });

    public Task<ApiResult<byte[]>> ImportTemplateAsync(string siret) => GetBytesAsync($"{Employees(siret)}/import/template");

    /// <summary>The file as it was chosen, sent as CSV: checked only (<paramref name="dryRun"/>) or its valid lines imported.</summary>
    public Task<ApiResult<ImportReport>> ImportAsync(string siret, byte[] file, bool dryRun)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return SendContentAsync<ImportReport>(HttpMethod.Post, $"{Employees(siret)}/import?dryRun={(dryRun ? "true" : "false")}", content);
    }

    private static string Employees(string siret) => $"api/dossier/establishments/{Uri.EscapeDataString(siret)}/employees";
}
