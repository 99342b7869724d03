using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Opco.IntegrationTests.Support;

/// <summary>
/// A loopback TCP forwarder in front of a real server. <see cref="Cut"/> drops every connection and refuses new
/// ones, as a broker outage would; <see cref="Restore"/> lets connections through again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _cut;

    public TcpProxy(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host == "localhost" ? "127.0.0.1" : host), port);
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        foreach (var connection in _connections.Keys) connection.Dispose();
        _connections.Clear();
    }

    public void Restore() => _cut = false;

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stopping.Token); }
            catch (Exception) { return; }

            if (_cut)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        _connections[client] = 0;
        _connections[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(_target, _stopping.Token);
            await Task.WhenAny(
                client.GetStream().CopyToAsync(upstream.GetStream(), _stopping.Token),
                upstream.GetStream().CopyToAsync(client.GetStream(), _stopping.Token));
        }
        catch (Exception)
        {
            // A cut or a closed side ends the forwarding; both sockets are closed below.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(upstream, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Stop();
        Cut();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
