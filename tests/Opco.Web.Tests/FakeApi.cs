using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Opco.Web.Api;

namespace Opco.Web.Tests;

/// <summary>Answers the API calls a component makes with canned JSON and records the requests it received.</summary>
public sealed class FakeApi : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string PathStart, HttpStatusCode Status, object? Body)> _answers = [];
    private readonly List<(HttpMethod Method, string PathStart, TaskCompletionSource Release)> _holds = [];

    public List<(HttpMethod Method, string Path, string? Body, string? IfMatch)> Received { get; } = [];

    public FakeApi On(HttpMethod method, string pathStart, object? body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answers.Add((method, pathStart, status, body));
        return this;
    }

    /// <summary>Calls to this path are received (recorded) but answered only once the returned source is completed.</summary>
    public TaskCompletionSource Hold(HttpMethod method, string pathStart)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds.Add((method, pathStart, release));
        return release;
    }

    /// <summary>Registers the API clients on this handler.</summary>
    public void Register(IServiceCollection services)
    {
        HttpClient Client() => new(this, disposeHandler: false) { BaseAddress = new Uri("http://gateway.test/") };
        services.AddSingleton(_ => new IdentityApi(Client(), NullLogger<IdentityApi>.Instance));
        services.AddSingleton(_ => new NotificationApi(Client(), NullLogger<NotificationApi>.Instance));
        services.AddSingleton(_ => new OnboardingApi(Client(), NullLogger<OnboardingApi>.Instance));
        services.AddSingleton(_ => new DossierApi(Client(), NullLogger<DossierApi>.Instance));
        services.AddSingleton(_ => new FinanceApi(Client(), NullLogger<FinanceApi>.Instance));
        services.AddSingleton(_ => new InvoiceApi(Client(), NullLogger<InvoiceApi>.Instance));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var ifMatch = request.Headers.IfMatch.Count > 0 ? request.Headers.IfMatch.ToString() : null;
        lock (Received) Received.Add((request.Method, path, body, ifMatch));
        foreach (var hold in _holds.Where(h => h.Method == request.Method && path.StartsWith(h.PathStart, StringComparison.Ordinal)))
            await hold.Release.Task.WaitAsync(cancellationToken);
        var answer = _answers.LastOrDefault(a => a.Method == request.Method && path.StartsWith(a.PathStart, StringComparison.Ordinal));
        if (answer.PathStart is null) return new HttpResponseMessage(HttpStatusCode.NotFound);
        var response = new HttpResponseMessage(answer.Status);
        if (answer.Body is not null)
            response.Content = new StringContent(JsonSerializer.Serialize(answer.Body, JsonSerializerOptions.Web), Encoding.UTF8,
                (int)answer.Status >= 400 ? "application/problem+json" : "application/json");
        return response;
    }
}
