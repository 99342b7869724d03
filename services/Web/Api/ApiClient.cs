using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Opco.Web.Api;

/// <summary>Calls one API through the gateway and turns its answers, including RFC 9457 problems, into <see cref="ApiResult{T}"/>.</summary>
public abstract class ApiClient(HttpClient http, ILogger logger)
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    protected Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken = default) =>
        CallAsync(method, path, body, async response =>
            response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), cancellationToken);

    protected Task<ApiResult<bool>> SendAsync(HttpMethod method, string path, object? body = null, CancellationToken cancellationToken = default) =>
        CallAsync(method, path, body, _ => Task.FromResult(true), cancellationToken);

    /// <summary>
    /// A change made on what the screen read at <paramref name="version"/> (sent as If-Match): the service refuses it (409) if
    /// the resource was saved since, rather than letting it undo that save.
    /// </summary>
    protected Task<ApiResult<T>> SendIfUnchangedAsync<T>(HttpMethod method, string path, object? body, uint version,
        CancellationToken cancellationToken = default) =>
        CallAsync(method, path, body, async response => await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), cancellationToken,
            new EntityTagHeaderValue($"\"{version}\""));

    /// <summary>A file's bytes (a CSV template, say).</summary>
    protected Task<ApiResult<byte[]>> GetBytesAsync(string path, CancellationToken cancellationToken = default) =>
        CallAsync<byte[]>(HttpMethod.Get, path, null, async response => await response.Content.ReadAsByteArrayAsync(cancellationToken), cancellationToken);

    /// <summary>A body that is not JSON (a file as it was chosen), answered in JSON.</summary>
    protected Task<ApiResult<T>> SendContentAsync<T>(HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken = default) =>
        CallAsync(method, path, content, async response => await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), cancellationToken);

    private async Task<ApiResult<T>> CallAsync<T>(HttpMethod method, string path, object? body, Func<HttpResponseMessage, Task<T?>> read,
        CancellationToken cancellationToken, EntityTagHeaderValue? ifMatch = null)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (ifMatch is not null) request.Headers.IfMatch.Add(ifMatch);
            if (body is HttpContent content) request.Content = content;
            else if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) return ApiResult<T>.Ok(await read(response));
            return ApiResult<T>.Failed(await ProblemOfAsync(response, cancellationToken));
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException
                                          or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "{Method} {Path} failed", method, path);
            return ApiResult<T>.Failed(ApiProblem.Unavailable());
        }
    }

    private static async Task<ApiProblem> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        ProblemBody? body = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try { body = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, cancellationToken); }
            catch (JsonException) { body = null; }
        }
        var title = body?.Title is { Length: > 0 } t && !t.StartsWith("One or more", StringComparison.Ordinal) ? t : DefaultTitle(status);
        return new ApiProblem(status, title, body?.Detail, body?.Errors ?? ApiProblem.NoErrors);
    }

    private static string DefaultTitle(int status) => status switch
    {
        401 => "Votre session a expiré : reconnectez-vous.",
        403 => "Vous n'avez pas l'habilitation nécessaire pour cette fonctionnalité.",
        404 => "Cet élément n'existe pas ou ne vous est pas accessible.",
        409 => "Cette opération n'est pas possible dans l'état actuel.",
        429 => "Trop de demandes en peu de temps. Merci de réessayer dans quelques instants.",
        >= 500 => "Le service a rencontré une erreur. Réessayez dans quelques instants.",
        _ => "La demande n'a pas pu être traitée.",
    };

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
