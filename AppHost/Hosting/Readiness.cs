using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Opco.AppHost.Hosting;

/// <summary>Polls a probe until it succeeds, failing fast when the process behind it dies.</summary>
internal static class Readiness
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task WaitAsync(string name, ManagedProcess process, ResourceLog log, Func<CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process.HasExited)
                throw new StartupException($"{name} exited with code {await process.Exited} before it was ready.", log.Tail());
            try
            {
                if (await probe(cancellationToken))
                    return;
            }
            catch (Exception e) when (e is not StartupException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
            {
                // Not ready yet.
            }
            await Task.WhenAny(process.Exited, Task.Delay(Interval, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>ASP.NET Core health endpoint: 200 with body "Healthy".</summary>
    public static Func<CancellationToken, Task<bool>> Healthy(string baseUrl) => async ct =>
    {
        using var response = await Http.GetAsync($"{baseUrl}/health", ct);
        return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(ct)).Trim() == "Healthy";
    };

    public static Func<CancellationToken, Task<bool>> HttpOk(string url) => async ct =>
    {
        using var response = await Http.GetAsync(url, ct);
        return response.IsSuccessStatusCode;
    };

    public static Func<CancellationToken, Task<bool>> Postgres(string connectionString) => async ct =>
    {
        await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false;Timeout=2");
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            throw new StartupException(StaleData("PostgreSQL"));
        }
        return true;
    };

    public static Func<CancellationToken, Task<bool>> Amqp(string uri) => async ct =>
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(ct);
            return connection.IsOpen;
        }
        catch (BrokerUnreachableException e) when (e.InnerException is AuthenticationFailureException)
        {
            throw new StartupException(StaleData("RabbitMQ"));
        }
    };

    private static string StaleData(string server) =>
        $"{server} rejected the password in secrets.json: its data was created with another one. Delete the data folder (.data/) to start afresh.";

    public static Func<CancellationToken, Task<bool>> Tcp(int port) => async ct =>
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port, ct);
        return true;
    };
}
