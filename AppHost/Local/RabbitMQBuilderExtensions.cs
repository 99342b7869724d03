using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Opco.AppHost.Supervision;

namespace Opco.AppHost.Local;

public static class RabbitMQBuilderExtensions
{
    private const string Install = "sudo apt-get install -y rabbitmq-server";

    /// <summary>
    /// A RabbitMQ node with its own epmd, both on 127.0.0.1, its files in the data folder; healthy once a client can
    /// open an AMQP connection with the generated password.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name,
        int amqpPort, int distributionPort, int epmdPort)
    {
        var tools = Toolchain.Resolve(builder.RepositoryRoot());
        var password = builder.AddGeneratedSecret($"{name}-password");
        var root = builder.DataDirectory(name);
        var home = Path.Combine(root, "home");
        var server = new RabbitMQServerResource(name, Path.Combine(tools.RabbitBin, "rabbitmq-server"), password.Resource, root);

        var epmd = new EpmdResource($"{name}-epmd", tools.Epmd ?? "epmd", root);
        var epmdBuilder = builder.AddResource(epmd)
            .WithEndpoint(port: builder.Port(epmdPort), targetPort: builder.Port(epmdPort), scheme: "tcp", name: EpmdResource.EndpointName, isProxied: false)
            .WithArgs("-port", epmd.Endpoint.Property(EndpointProperty.TargetPort), "-address", "127.0.0.1")
            .WithPrerequisiteCommand("Erlang port mapper", "epmd", tools.Epmd, Install)
            .WithHealthProbe($"{name}-epmd-accepts-connections", async cancellationToken =>
            {
                using var client = new System.Net.Sockets.TcpClient();
                try
                {
                    await client.ConnectAsync(System.Net.IPAddress.Loopback, int.Parse((await epmd.Endpoint.Property(EndpointProperty.TargetPort).GetValueAsync(cancellationToken))!), cancellationToken);
                    return HealthCheckResult.Healthy();
                }
                catch (System.Net.Sockets.SocketException error)
                {
                    return HealthCheckResult.Unhealthy(error.Message);
                }
            })
            .WithParentRelationship(server);

        return builder.AddResource(server)
            .WithEndpoint(port: builder.Port(amqpPort), targetPort: builder.Port(amqpPort), scheme: "amqp", name: RabbitMQServerResource.AmqpEndpointName, isProxied: false)
            .WithEndpoint(port: builder.Port(distributionPort), targetPort: builder.Port(distributionPort), scheme: "tcp", name: RabbitMQServerResource.DistributionEndpointName, isProxied: false)
            .WithEnvironment(context =>
            {
                var environment = context.EnvironmentVariables;
                environment["HOME"] = home;
                environment["ERL_EPMD_PORT"] = epmd.Endpoint.Property(EndpointProperty.TargetPort);
                environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                environment["RABBITMQ_NODENAME"] = $"{name}@localhost";
                environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                environment["RABBITMQ_NODE_PORT"] = server.AmqpEndpoint.Property(EndpointProperty.TargetPort);
                environment["RABBITMQ_DIST_PORT"] = new EndpointReference(server, RabbitMQServerResource.DistributionEndpointName).Property(EndpointProperty.TargetPort);
                environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq.conf");
                environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(root, "rabbitmq-env.conf");
                environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins");
                environment["RABBITMQ_PLUGINS_DIR"] = Path.Combine(root, "plugins");
                environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia");
                environment["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log");
                // With input "allowed" the script execs the Erlang VM instead of running it as a child, so the process the
                // orchestrator stops (and, past its grace period, kills) is the VM itself: no orphaned beam.smp.
                environment["RABBITMQ_ALLOW_INPUT"] = "true";
                // -noinput all the same; no scheduler busy-waiting, which on two cores steals the CPU others need to start.
                // -start_epmd false: without our epmd the VM would start a daemon epmd of its own, which outlives the run
                // and holds the port the next run's epmd needs; the node now fails to start instead.
                environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] =
                    "-noinput -start_epmd false -kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none";
            })
            .WithPrerequisiteFile("RabbitMQ server", Path.Combine(tools.RabbitBin, "rabbitmq-server"), Install)
            .OnBeforeResourceStarted((server, _, cancellationToken) => WriteNodeFilesAsync(server, tools, root, home, cancellationToken))
            .WaitFor(epmdBuilder)
            .WithHealthProbe($"{name}-accepts-amqp", async cancellationToken =>
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri((await server.ConnectionStringExpression.GetValueAsync(cancellationToken))!),
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
                };
                try
                {
                    await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                    return connection.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The connection closed at once.");
                }
                catch (BrokerUnreachableException error)
                {
                    return HealthCheckResult.Unhealthy(error.InnerException?.Message ?? error.Message);
                }
            })
            .WithIconName("Mailbox");
    }

    /// <summary>The management UI (for people) on <paramref name="port"/>.</summary>
    public static IResourceBuilder<RabbitMQServerResource> WithManagementPlugin(this IResourceBuilder<RabbitMQServerResource> builder, int port)
    {
        builder.Resource.ManagementEnabled = true;
        return builder.WithHttpEndpoint(port: builder.ApplicationBuilder.Port(port), targetPort: builder.ApplicationBuilder.Port(port),
            name: RabbitMQServerResource.ManagementEndpointName, isProxied: false);
    }

    private static async Task WriteNodeFilesAsync(RabbitMQServerResource server, Toolchain tools, string root, string home, CancellationToken cancellationToken)
    {
        var password = await server.Password.GetValueAsync(cancellationToken) ?? throw new DistributedApplicationException($"{server.Name}: no password.");
        var amqpPort = int.Parse((await server.AmqpEndpoint.Property(EndpointProperty.TargetPort).GetValueAsync(cancellationToken))!);
        int? managementPort = server.ManagementEnabled
            ? int.Parse((await new EndpointReference(server, RabbitMQServerResource.ManagementEndpointName).Property(EndpointProperty.TargetPort).GetValueAsync(cancellationToken))!)
            : null;

        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(root, "log"));
        var cookie = Path.Combine(home, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            await File.WriteAllTextAsync(cookie, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)), cancellationToken);
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }
        var definitions = Path.Combine(root, "definitions.json");
        await File.WriteAllTextAsync(definitions, RabbitMQConfiguration.Definitions(RabbitMQServerResource.User, password), cancellationToken);
        File.SetUnixFileMode(definitions, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq-env.conf"), "", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), server.ManagementEnabled ? "[rabbitmq_management]." : "[].", cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(root, "rabbitmq.conf"), RabbitMQConfiguration.ConfigLines(amqpPort, definitions, managementPort), cancellationToken);
        if (RabbitMQConfiguration.LinkPlugins(tools.RabbitBin, Path.Combine(root, "plugins"), server.ManagementEnabled) is null)
            throw new DistributedApplicationException($"{server.Name}: no RabbitMQ plugins folder under {tools.RabbitBin}/../lib.");
    }
}
