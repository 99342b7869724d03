using Aspire.Hosting.ApplicationModel;
using Opco.AppHost.Supervision;

namespace Opco.AppHost.Local;

/// <summary>MailDev: an SMTP server that keeps every message and shows it in a web UI and a REST API.</summary>
public sealed class MailDevResource(string name, string command, string root)
    : ExecutableResource(name, command, root), IResourceWithConnectionString
{
    internal const string HttpEndpointName = "http";
    internal const string SmtpEndpointName = "smtp";

    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"smtp://{SmtpEndpoint.Property(EndpointProperty.IPV4Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}

public static class MailDevBuilderExtensions
{
    private const string Install = "npm install --prefix .tools/maildev maildev@3 --no-audit --no-fund";

    /// <summary>MailDev from .tools/ (npm), on 127.0.0.1, keeping its messages in the data folder; healthy when its API answers.</summary>
    public static IResourceBuilder<MailDevResource> AddMailDev(this IDistributedApplicationBuilder builder, string name, int httpPort, int smtpPort)
    {
        var tools = Toolchain.Resolve(builder.RepositoryRoot());
        var root = builder.DataDirectory(name);
        var mail = new MailDevResource(name, tools.Node ?? "node", root);
        return builder.AddResource(mail)
            .WithHttpEndpoint(port: builder.Port(httpPort), targetPort: builder.Port(httpPort), name: MailDevResource.HttpEndpointName, isProxied: false)
            .WithEndpoint(port: builder.Port(smtpPort), targetPort: builder.Port(smtpPort), scheme: "smtp", name: MailDevResource.SmtpEndpointName, isProxied: false)
            .WithArgs(
                tools.MailDevScript,
                "--smtp", mail.SmtpEndpoint.Property(EndpointProperty.TargetPort), "--ip", "127.0.0.1",
                "--web", mail.HttpEndpoint.Property(EndpointProperty.TargetPort), "--web-ip", "127.0.0.1",
                "--mail-directory", root, "--silent")
            .WithPrerequisiteCommand("Node.js", "node", tools.Node, "sudo apt-get install -y nodejs npm")
            .WithPrerequisiteFile("MailDev", tools.MailDevScript, Install)
            .WithHttpHealthProbe("/api/healthz", MailDevResource.HttpEndpointName)
            .WithIconName("Mail");
    }
}
