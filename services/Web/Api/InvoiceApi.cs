using System.Globalization;
using System.Net.Http.Headers;

namespace Opco.Web.Api;

/// <summary>
/// The finance service's invoices for the portal: the company's (« Mes factures », « Déposer une facture »), the advisors' checks
/// and the administrators' payments and settlements. <c>staff</c> is "advisor" or "admin", the API's prefix for each.
/// </summary>
public sealed class InvoiceApi(HttpClient http, ILogger<InvoiceApi> logger) : ApiClient(http, logger)
{
    private const string Company = "api/finance/invoices";

    public Task<ApiResult<InvoiceRowsPage>> ListAsync(string query) => GetAsync<InvoiceRowsPage>($"{Company}?{query}");

    public Task<ApiResult<IReadOnlyList<InvoiceableDossier>>> InvoiceableDossiersAsync() => GetAsync<IReadOnlyList<InvoiceableDossier>>($"{Company}/dossiers");

    public Task<ApiResult<InvoiceDetail>> DetailAsync(Guid id) => GetAsync<InvoiceDetail>($"{Company}/{id}");

    public Task<ApiResult<byte[]>> FileAsync(Guid id, string? staff = null) => GetBytesAsync($"{Base(staff)}/{id}/file");

    public Task<ApiResult<byte[]>> PaymentNoticeAsync(Guid id, string? staff = null) => GetBytesAsync($"{Base(staff)}/{id}/payment-notice");

    /// <summary>« Déposer une facture »: the fields as typed (the service reads and checks them) and the file as chosen.</summary>
    public Task<ApiResult<InvoiceDetail>> SubmitAsync(IReadOnlyDictionary<string, string?> fields, string fileName, byte[] file)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            if (value is not null) form.Add(new StringContent(value), name);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return SendContentAsync<InvoiceDetail>(HttpMethod.Post, Company, form);
    }

    public Task<ApiResult<InvoiceRowsPage>> StaffListAsync(string staff, string query) => GetAsync<InvoiceRowsPage>($"{Base(staff)}?{query}");

    public Task<ApiResult<InvoiceDetail>> StaffDetailAsync(string staff, Guid id) => GetAsync<InvoiceDetail>($"{Base(staff)}/{id}");

    /// <summary>An advisor's move: "check", "approve", or "reject" with its reason.</summary>
    public Task<ApiResult<InvoiceDetail>> MoveAsync(Guid id, string move, string? reason = null) =>
        SendAsync<InvoiceDetail>(HttpMethod.Post, $"{Base("advisor")}/{id}/{move}", move == "reject" ? new { reason } : null);

    public Task<ApiResult<InvoiceDetail>> PayAsync(Guid id, DateOnly? paidOn, decimal? amount) =>
        SendAsync<InvoiceDetail>(HttpMethod.Post, $"{Base("admin")}/{id}/payment",
            new { paidOn = paidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount });

    public Task<ApiResult<DossierSettlement>> SettleAsync(Guid dossierId, string? reason) =>
        SendAsync<DossierSettlement>(HttpMethod.Post, $"api/finance/admin/dossiers/{dossierId}/settle", new { reason });

    private static string Base(string? staff) => staff is null ? Company : $"api/finance/{staff}/invoices";
}
