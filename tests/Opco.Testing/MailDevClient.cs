using System.Net.Http.Json;

namespace Opco.Testing;

/// <summary>MailDev's REST API (/api/email...).</summary>
public sealed class MailDevClient(Uri baseAddress) : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    /// <param name="to">Only messages sent to this address (case-insensitive).</param>
    public async Task<IReadOnlyList<MailMessage>> GetMessagesAsync(string? to = null)
    {
        var emails = await _http.GetFromJsonAsync<List<MailDevEmail>>("/api/email") ?? [];
        return emails
            .Select(email => email.ToMessage())
            .Where(message => to is null || message.To.Contains(to, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    public async Task<MailMessage> WaitForMessageAsync(Func<MailMessage, bool> predicate, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        IReadOnlyList<MailMessage> seen = [];
        while (!deadline.IsCancellationRequested)
        {
            seen = await GetMessagesAsync();
            if (seen.FirstOrDefault(predicate) is { } message)
                return message;
            await Task.Delay(PollInterval, CancellationToken.None);
        }
        var subjects = seen.Count == 0 ? "none" : string.Join("; ", seen.Select(m => $"'{m.Subject}' to {string.Join(",", m.To)}"));
        throw new TimeoutException($"No matching e-mail within {timeout.TotalSeconds:0} s. Messages seen: {subjects}.");
    }

    public Task<string> GetHtmlAsync(string id) => _http.GetStringAsync($"/api/email/{Uri.EscapeDataString(id)}/html");

    public async Task DeleteAllAsync()
    {
        using var response = await _http.DeleteAsync("/api/email/all");
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();

    private sealed record MailDevAddress(string Address);

    private sealed record MailDevEmail(string Id, string? Subject, string? Text, string? Html, List<MailDevAddress>? From, List<MailDevAddress>? To, DateTimeOffset Date)
    {
        public MailMessage ToMessage() => new(
            Id,
            Subject ?? "",
            Text ?? "",
            Html ?? "",
            From?.FirstOrDefault()?.Address ?? "",
            To?.Select(a => a.Address).ToList() ?? [],
            Date);
    }
}
