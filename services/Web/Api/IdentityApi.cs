using Opco.Web.Domain;

namespace Opco.Web.Api;

/// <summary>Identity's API ("Mon profil", "Mes utilisateurs"), called with the signed-in user's token.</summary>
public sealed class IdentityApi(HttpClient http, ILogger<IdentityApi> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<MyProfile>> GetMeAsync() => GetAsync<MyProfile>("api/identity/me");

    public Task<ApiResult<bool>> UpdateMeAsync(PersonalDataRequest request) => SendAsync(HttpMethod.Put, "api/identity/me", request);

    public Task<ApiResult<bool>> ChangeEmailAsync(string? email) => SendAsync(HttpMethod.Post, "api/identity/me/email", new { email });

    public Task<ApiResult<bool>> SetPreferredEstablishmentAsync(string? siret) =>
        SendAsync(HttpMethod.Put, "api/identity/me/preferred-establishment", new { siret });

    public Task<ApiResult<List<MyEstablishment>>> GetMyEstablishmentsAsync() => GetAsync<List<MyEstablishment>>("api/identity/me/establishments");

    public Task<ApiResult<UsersPage>> ListUsersAsync(UserFilter filter) => GetAsync<UsersPage>("api/identity/users" + filter.ToQueryString());

    public Task<ApiResult<UserDetails>> GetUserAsync(Guid id) => GetAsync<UserDetails>($"api/identity/users/{id}");

    public Task<ApiResult<CreatedUser>> CreateUserAsync(CreateUserRequest request) =>
        SendAsync<CreatedUser>(HttpMethod.Post, "api/identity/users", request);

    public Task<ApiResult<bool>> EditUserAsync(Guid id, PersonalDataRequest request) => SendAsync(HttpMethod.Put, $"api/identity/users/{id}", request);

    public Task<ApiResult<bool>> SetHabilitationsAsync(Guid id, string siret, IReadOnlyList<string> habilitations) =>
        SendAsync(HttpMethod.Put, $"api/identity/users/{id}/establishments/{siret}", new { habilitations });

    public Task<ApiResult<bool>> SetActiveAsync(Guid id, bool active) =>
        SendAsync(HttpMethod.Post, $"api/identity/users/{id}/{(active ? "reactivate" : "deactivate")}");

    public Task<ApiResult<bool>> DeleteUserAsync(Guid id) => SendAsync(HttpMethod.Delete, $"api/identity/users/{id}");

    public Task<ApiResult<List<AuditEntry>>> GetAuditAsync(Guid id) => GetAsync<List<AuditEntry>>($"api/identity/users/{id}/audit");
}
