using System.Net;
using System.Net.Sockets;

namespace Opco.AppHost.Hosting;

/// <summary>Gives every endpoint its port up front: explicit override, else the run-mode default, else (test mode) a free one.</summary>
internal static class PortAllocator
{
    /// <summary>Returns the problems found (ports already in use); empty when all is well.</summary>
    public static IReadOnlyList<string> Allocate(IEnumerable<Endpoint> endpoints, AppHostOptions options)
    {
        var taken = new HashSet<int>();
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var requested = Requested(endpoint, options);
            endpoint.Port = requested ?? (options.Mode == AppHostMode.Test ? FreePort(taken) : endpoint.RunPort);
            if (!taken.Add(endpoint.Port) || (requested is not null || options.Mode == AppHostMode.Run) && !IsFree(endpoint.Port))
            {
                problems.Add($"Port {endpoint.Port} ({endpoint.Description}) is already in use; choose another with --{endpoint.Key}-port N or {VariableName(endpoint)}=N.");
            }
        }
        return problems;
    }

    private static int? Requested(Endpoint endpoint, AppHostOptions options) =>
        options.Ports.TryGetValue(endpoint.Key, out var port) ? port
        : int.TryParse(Environment.GetEnvironmentVariable(VariableName(endpoint)), out port) ? port
        : null;

    private static string VariableName(Endpoint endpoint) => $"OPCO_{endpoint.Key.ToUpperInvariant().Replace('-', '_')}_PORT";

    private static int FreePort(HashSet<int> taken)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!taken.Contains(port))
                return port;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
