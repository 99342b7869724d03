using System.Net.Http.Headers;
using Opco.Web.Domain;

namespace Opco.Web.Api;

/// <summary>
/// The dossier service for the portal: "Mes salariés" (wages, import), "Mes dossiers" (entry step by step, pieces,
/// moves, comments, accord), "Mes contrats de pro" (the same for contrats de professionnalisation), the schemes offered, the
/// training providers, the advisors' "Dossiers à instruire" and contracts, « Suivi financier de l'activité », the
/// reportings DEFi Performance, the catalogue Sélection DEFi Formations (with its administration) and the home page's summary
/// of an establishment.
/// </summary>
public sealed class DossierApi(HttpClient http, ILogger<DossierApi> logger) : ApiClient(http, logger)
{
    /// <summary>The establishment's dossiers needing action and contrats de pro with a deadline (a block is null without its habilitation).</summary>
    public Task<ApiResult<DossierHome>> HomeAsync(string siret) =>
        GetAsync<DossierHome>($"api/dossier/establishments/{Uri.EscapeDataString(siret)}/home");

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

    public Task<ApiResult<DossierRowsPage>> ListDossiersAsync(string query) => GetAsync<DossierRowsPage>($"api/dossier/dossiers?{query}");

    public Task<ApiResult<byte[]>> ExportDossiersAsync(string query) => GetBytesAsync($"api/dossier/dossiers/export?{query}");

    public Task<ApiResult<DossierSheet>> CreateDossierAsync(string siret) => SendAsync<DossierSheet>(HttpMethod.Post, Dossiers(siret), null);

    public Task<ApiResult<DossierSheet>> GetDossierAsync(string siret, Guid id) => GetAsync<DossierSheet>($"{Dossiers(siret)}/{id}");

    /// <summary>Steps 1 to 5: <paramref name="step"/> is frame, action, provider, trainees or costs.</summary>
    /// <summary>Saves a step of the entry made on the dossier as read at <paramref name="version"/>.</summary>
    public Task<ApiResult<DossierSheet>> SaveStepAsync(string siret, Guid id, string step, object body, uint version) =>
        SendIfUnchangedAsync<DossierSheet>(HttpMethod.Put, $"{Dossiers(siret)}/{id}/{step}", body, version);

    public Task<ApiResult<DossierMove>> MoveAsync(string siret, Guid id, string move, object? body = null) =>
        SendAsync<DossierMove>(HttpMethod.Post, $"{Dossiers(siret)}/{id}/{move}", body);

    public Task<ApiResult<bool>> DeleteDossierAsync(string siret, Guid id) => SendAsync(HttpMethod.Delete, $"{Dossiers(siret)}/{id}");

    public Task<ApiResult<DossierComment>> CommentAsync(string siret, Guid id, string text) =>
        SendAsync<DossierComment>(HttpMethod.Post, $"{Dossiers(siret)}/{id}/comments", new { text });

    public Task<ApiResult<DossierDocument>> UploadAsync(string siret, Guid id, string kind, string fileName, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return SendContentAsync<DossierDocument>(HttpMethod.Post,
            $"{Dossiers(siret)}/{id}/documents?kind={Uri.EscapeDataString(kind)}&fileName={Uri.EscapeDataString(fileName)}", body);
    }

    public Task<ApiResult<bool>> RemoveDocumentAsync(string siret, Guid id, Guid documentId) =>
        SendAsync(HttpMethod.Delete, $"{Dossiers(siret)}/{id}/documents/{documentId}");

    public Task<ApiResult<byte[]>> DownloadAsync(string siret, Guid id, Guid documentId) =>
        GetBytesAsync($"{Dossiers(siret)}/{id}/documents/{documentId}");

    public Task<ApiResult<byte[]>> AgreementAsync(string siret, Guid id) => GetBytesAsync($"{Dossiers(siret)}/{id}/agreement");

    public Task<ApiResult<OfferedSchemes>> OfferedSchemesAsync() => GetAsync<OfferedSchemes>("api/dossier/schemes/offered");

    public Task<ApiResult<IReadOnlyList<SchemeSheet>>> ListSchemesAsync() => GetAsync<IReadOnlyList<SchemeSheet>>("api/dossier/schemes");

    public Task<ApiResult<SchemeSheet>> EditSchemeAsync(string code, SchemeForm scheme) =>
        SendAsync<SchemeSheet>(HttpMethod.Put, $"api/dossier/schemes/{Uri.EscapeDataString(code)}", scheme);

    public Task<ApiResult<CatalogueRowsPage>> SearchCatalogueAsync(string query) => GetAsync<CatalogueRowsPage>($"api/dossier/catalogue/offers?{query}");

    public Task<ApiResult<CatalogueChoices>> CatalogueChoicesAsync() => GetAsync<CatalogueChoices>("api/dossier/catalogue/choices");

    public Task<ApiResult<CatalogueOfferSheet>> CatalogueOfferAsync(Guid id) => GetAsync<CatalogueOfferSheet>($"api/dossier/catalogue/offers/{id}");

    /// <summary>« Demander la prise en charge »: a new draft on the establishment, pre-filled from the offer and the session.</summary>
    public Task<ApiResult<DossierSheet>> RequestFromCatalogueAsync(string siret, Guid offerId, Guid sessionId) =>
        SendAsync<DossierSheet>(HttpMethod.Post, $"{Dossiers(siret)}/from-catalogue", new { offerId, sessionId });

    public Task<ApiResult<IReadOnlyList<CatalogueAdminRow>>> AdminCatalogueAsync(string? query) =>
        GetAsync<IReadOnlyList<CatalogueAdminRow>>($"{AdminCatalogue}?q={Uri.EscapeDataString(query ?? "")}");

    public Task<ApiResult<CatalogueOfferSheet>> AdminCatalogueOfferAsync(Guid id) => GetAsync<CatalogueOfferSheet>($"{AdminCatalogue}/{id}");

    public Task<ApiResult<CatalogueOfferSheet>> CreateCatalogueOfferAsync(CatalogueOfferInput offer) =>
        SendAsync<CatalogueOfferSheet>(HttpMethod.Post, AdminCatalogue, offer);

    public Task<ApiResult<CatalogueOfferSheet>> EditCatalogueOfferAsync(Guid id, CatalogueOfferInput offer) =>
        SendAsync<CatalogueOfferSheet>(HttpMethod.Put, $"{AdminCatalogue}/{id}", offer);

    public Task<ApiResult<CatalogueOfferSheet>> PublishCatalogueOfferAsync(Guid id, bool published) =>
        SendAsync<CatalogueOfferSheet>(published ? HttpMethod.Post : HttpMethod.Delete, $"{AdminCatalogue}/{id}/publication", null);

    public Task<ApiResult<CatalogueOfferSheet>> AddCatalogueSessionAsync(Guid id, CatalogueSessionInput session) =>
        SendAsync<CatalogueOfferSheet>(HttpMethod.Post, $"{AdminCatalogue}/{id}/sessions", session.Body);

    public Task<ApiResult<CatalogueOfferSheet>> EditCatalogueSessionAsync(Guid id, Guid sessionId, CatalogueSessionInput session) =>
        SendAsync<CatalogueOfferSheet>(HttpMethod.Put, $"{AdminCatalogue}/{id}/sessions/{sessionId}", session.Body);

    public Task<ApiResult<CatalogueOfferSheet>> RemoveCatalogueSessionAsync(Guid id, Guid sessionId) =>
        SendAsync<CatalogueOfferSheet>(HttpMethod.Delete, $"{AdminCatalogue}/{id}/sessions/{sessionId}", null);

    public Task<ApiResult<IReadOnlyList<TrainingProviderHit>>> SearchProvidersAsync(string siret, string query) =>
        GetAsync<IReadOnlyList<TrainingProviderHit>>($"api/dossier/establishments/{Uri.EscapeDataString(siret)}/training-providers?q={Uri.EscapeDataString(query)}");

    public Task<ApiResult<TrainingProviderHit>> AddProviderAsync(string siret, object provider) =>
        SendAsync<TrainingProviderHit>(HttpMethod.Post, $"api/dossier/establishments/{Uri.EscapeDataString(siret)}/training-providers", provider);

    /// <summary>« IBAN de l'organisme de formation » (administrators): where its subrogation payments go.</summary>
    public Task<ApiResult<TrainingProviderHit>> ChangeProviderIbanAsync(string providerSiret, string? iban) =>
        SendAsync<TrainingProviderHit>(HttpMethod.Put, $"api/dossier/admin/training-providers/{Uri.EscapeDataString(providerSiret)}/iban", new { iban });

    public Task<ApiResult<AdvisorDossierRowsPage>> AdvisorDossiersAsync(string query) =>
        GetAsync<AdvisorDossierRowsPage>($"api/dossier/advisor/dossiers?{query}");

    public Task<ApiResult<DossierSheet>> AdvisorDossierAsync(Guid id) => GetAsync<DossierSheet>($"api/dossier/advisor/dossiers/{id}");

    /// <summary>acceptance, refusal, documents-request, cancellation or comments.</summary>
    public Task<ApiResult<DossierSheet>> DecideAsync(Guid id, string decision, object body) =>
        SendAsync<DossierSheet>(HttpMethod.Post, $"api/dossier/advisor/dossiers/{id}/{decision}", body);

    public Task<ApiResult<byte[]>> AdvisorDownloadAsync(Guid id, Guid documentId) => GetBytesAsync($"api/dossier/advisor/dossiers/{id}/documents/{documentId}");

    public Task<ApiResult<ContractRowsPage>> ListContractsAsync(string query) => GetAsync<ContractRowsPage>($"api/dossier/contracts?{query}");

    public Task<ApiResult<byte[]>> ExportContractsAsync(string query) => GetBytesAsync($"api/dossier/contracts/export?{query}");

    public Task<ApiResult<ContractView>> CreateContractAsync(string siret) => SendAsync<ContractView>(HttpMethod.Post, Contracts(siret), null);

    public Task<ApiResult<ContractView>> GetContractAsync(string siret, Guid id) => GetAsync<ContractView>($"{Contracts(siret)}/{id}");

    /// <summary>Steps 1 to 5: <paramref name="step"/> is trainee, tutor, terms, training or pay.</summary>
    /// <summary>Saves a step of the contract's entry made on the contract as read at <paramref name="version"/>.</summary>
    public Task<ApiResult<ContractView>> SaveContractStepAsync(string siret, Guid id, string step, object body, uint version) =>
        SendIfUnchangedAsync<ContractView>(HttpMethod.Put, $"{Contracts(siret)}/{id}/{step}", body, version);

    /// <summary>transmission or termination.</summary>
    public Task<ApiResult<ContractMove>> MoveContractAsync(string siret, Guid id, string move, object? body = null) =>
        SendAsync<ContractMove>(HttpMethod.Post, $"{Contracts(siret)}/{id}/{move}", body);

    /// <summary>« Déclarer un avenant »: the new draft, type 5, copied from the contract.</summary>
    public Task<ApiResult<ContractView>> AmendContractAsync(string siret, Guid id) =>
        SendAsync<ContractView>(HttpMethod.Post, $"{Contracts(siret)}/{id}/amendment", null);

    public Task<ApiResult<bool>> DeleteContractAsync(string siret, Guid id) => SendAsync(HttpMethod.Delete, $"{Contracts(siret)}/{id}");

    /// <summary><paramref name="kind"/> is signedContract or programme.</summary>
    public Task<ApiResult<ContractDocument>> UploadContractDocumentAsync(string siret, Guid id, string kind, string fileName, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return SendContentAsync<ContractDocument>(HttpMethod.Post,
            $"{Contracts(siret)}/{id}/documents?kind={Uri.EscapeDataString(kind)}&fileName={Uri.EscapeDataString(fileName)}", body);
    }

    public Task<ApiResult<bool>> RemoveContractDocumentAsync(string siret, Guid id, Guid documentId) =>
        SendAsync(HttpMethod.Delete, $"{Contracts(siret)}/{id}/documents/{documentId}");

    public Task<ApiResult<byte[]>> DownloadContractDocumentAsync(string siret, Guid id, Guid documentId) =>
        GetBytesAsync($"{Contracts(siret)}/{id}/documents/{documentId}");

    public Task<ApiResult<ContractRowsPage>> AdvisorContractsAsync(string query) => GetAsync<ContractRowsPage>($"api/dossier/advisor/contracts?{query}");

    public Task<ApiResult<ContractView>> AdvisorContractAsync(Guid id) => GetAsync<ContractView>($"api/dossier/advisor/contracts/{id}");

    /// <summary>review, acceptance or refusal.</summary>
    public Task<ApiResult<ContractView>> DecideContractAsync(Guid id, string decision, object? body = null) =>
        SendAsync<ContractView>(HttpMethod.Post, $"api/dossier/advisor/contracts/{id}/{decision}", body);

    public Task<ApiResult<byte[]>> AdvisorContractDocumentAsync(Guid id, Guid documentId) =>
        GetBytesAsync($"api/dossier/advisor/contracts/{id}/documents/{documentId}");

    public Task<ApiResult<ActivityFollowUp>> ActivityAsync(string siret, int year) => GetAsync<ActivityFollowUp>($"{Activity(siret)}?year={year}");

    public Task<ApiResult<byte[]>> ExportActivityAsync(string siret, int year) => GetBytesAsync($"{Activity(siret)}/export?year={year}");

    public Task<ApiResult<DefiReports>> DefiReportsAsync(string siren) => GetAsync<DefiReports>(DefiReportsOf(siren));

    public Task<ApiResult<DefiReportJob>> RequestDefiReportAsync(string siren, int year) =>
        SendAsync<DefiReportJob>(HttpMethod.Post, DefiReportsOf(siren), new { year });

    /// <summary><paramref name="format"/>: csv or pdf.</summary>
    public Task<ApiResult<byte[]>> DownloadDefiReportAsync(string siren, Guid id, string format) => GetBytesAsync($"{DefiReportsOf(siren)}/{id}/{format}");

    private static string Activity(string siret) => $"api/dossier/establishments/{Uri.EscapeDataString(siret)}/activity";

    private static string DefiReportsOf(string siren) => $"api/dossier/companies/{Uri.EscapeDataString(siren)}/defi-reports";

    private static string Employees(string siret) => $"api/dossier/establishments/{Uri.EscapeDataString(siret)}/employees";

    private const string AdminCatalogue = "api/dossier/admin/catalogue/offers";

    public Task<ApiResult<IReadOnlyList<TrainingProviderHit>>> AdminCatalogueProvidersAsync(string query) =>
        GetAsync<IReadOnlyList<TrainingProviderHit>>($"api/dossier/admin/catalogue/providers?q={Uri.EscapeDataString(query)}");

    private static string Dossiers(string siret) => $"api/dossier/establishments/{Uri.EscapeDataString(siret)}/dossiers";

    private static string Contracts(string siret) => $"api/dossier/establishments/{Uri.EscapeDataString(siret)}/contracts";
}
