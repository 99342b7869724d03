using Aspire.Hosting.ApplicationModel;

namespace Opco.AppHost.Local;

/// <summary>A private RabbitMQ node run from Debian's package, with a user whose password comes from a parameter.</summary>
public sealed class RabbitMQServerResource(string name, string command, ParameterResource password, string root)
    : ExecutableResource(name, command, root), IResourceWithConnectionString
{
    public const string User = "opco";
    internal const string AmqpEndpointName = "amqp";
    internal const string DistributionEndpointName = "distribution";
    internal const string ManagementEndpointName = "management";

    private EndpointReference? _amqp;

    public ParameterResource Password { get; } = password;

    public EndpointReference AmqpEndpoint => _amqp ??= new EndpointReference(this, AmqpEndpointName);

    internal bool ManagementEnabled { get; set; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{User}:{Password}@{AmqpEndpoint.Property(EndpointProperty.IPV4Host)}:{AmqpEndpoint.Property(EndpointProperty.Port)}");
}

/// <summary>
/// The node's own Erlang port mapper, bound to 127.0.0.1, so no daemon epmd outlives the run. Shown under the node
/// (a parent relationship, not <see cref="IResourceWithParent"/>: the node waits for it, and Aspire forbids waiting on a child).
/// </summary>
public sealed class EpmdResource(string name, string command, string root) : ExecutableResource(name, command, root)
{
    internal const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);
}
