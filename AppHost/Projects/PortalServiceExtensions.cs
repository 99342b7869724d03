using System.Reflection;
using Aspire.Hosting.ApplicationModel;
using Opco.AppHost.Local;
using Opco.AppHost.Supervision;

namespace Opco.AppHost.Projects;

public static class PortalServiceExtensions
{
    /// <summary>The AppHost's own build configuration; services are started from the same one.</summary>
    private static readonly string Configuration =
        typeof(PortalServiceExtensions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>
    /// One of our ASP.NET Core services: started from its build output (one process, no <c>dotnet run</c> in front of it),
    /// listening on its own HTTP port (fixed when given, in a developer's run), in the AppHost's environment, healthy when
    /// its <c>/health</c> answers 200, and restarted with backoff when it exits unexpectedly.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AsPortalService(this IResourceBuilder<ProjectResource> project, int? port = null)
    {
        var environment = project.ApplicationBuilder.Environment.EnvironmentName;
        return project
            .WithBuildOutput()
            .WithHttpEndpoint(port: project.ApplicationBuilder.Port(port), targetPort: project.ApplicationBuilder.Port(port), isProxied: false)
            .WithHttpHealthProbe("/health")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
            .WithEnvironment("DOTNET_ENVIRONMENT", environment)
            // The last telemetry flush at shutdown must not outlast the orchestrator's grace period.
            .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000")
            .WithRestartOnCrash();
    }

    /// <summary>
    /// A one-shot "<c>--migrate</c>" run of the same project with the same configuration, started once the databases the
    /// service references are there; the service starts when it has completed. Call it after the service's references.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMigrations(this IResourceBuilder<ProjectResource> service)
    {
        var builder = service.ApplicationBuilder;
        var job = builder.AddProject($"{service.Resource.Name}-migrations", service.Resource.GetProjectMetadata().ProjectPath)
            .WithBuildOutput()
            .WithArgs("--migrate")
            // The service's environment at the time it is needed: references, secrets and settings declared after this call included.
            .WithEnvironment(async context =>
            {
                foreach (var callback in service.Resource.Annotations.OfType<EnvironmentCallbackAnnotation>().ToList())
                    await callback.Callback(context);
            })
            .WithParentRelationship(service.Resource);
        foreach (var database in service.Resource.Annotations.OfType<ResourceRelationshipAnnotation>()
                     .Select(relationship => relationship.Resource).OfType<PostgresDatabaseResource>().Distinct())
            job.WaitFor(builder.CreateResourceBuilder(database));
        return service.WaitForCompletion(job);
    }

    /// <summary>Points <paramref name="variable"/> at a folder of the service's own in the data folder (e.g. its keys).</summary>
    public static IResourceBuilder<ProjectResource> WithDataDirectory(this IResourceBuilder<ProjectResource> service, string variable) =>
        service.WithEnvironment(variable, service.ApplicationBuilder.DataDirectory(service.Resource.Name));

    /// <summary>Starts the project's built executable directly instead of <c>dotnet run</c> (one process instead of two).</summary>
    private static IResourceBuilder<ProjectResource> WithBuildOutput(this IResourceBuilder<ProjectResource> project)
    {
        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        var directory = Path.GetDirectoryName(projectPath)!;
        var executable = Path.Combine(directory, "bin", Configuration, "net10.0", Path.GetFileNameWithoutExtension(projectPath));
        return project
            .WithAnnotation(new ExecutableAnnotation { Command = executable, WorkingDirectory = directory }, ResourceAnnotationMutationBehavior.Replace)
            .WithPrerequisiteFile($"{project.Resource.Name} build output", executable, $"dotnet build Opco.Aspire.sln -c {Configuration}");
    }
}
