using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Opco.AppHost.Local;

/// <summary>A file a resource needs before anything starts, with the command that provides it.</summary>
internal sealed record PrerequisiteAnnotation(string What, string? Path, string Display, string Install) : IResourceAnnotation
{
    public bool IsMissing => Path is null || !File.Exists(Path);

    public string Message => $"Missing prerequisite: {What} ({Display}). Install with: {Install}";
}

internal static class Prerequisites
{
    private const int MissingPrerequisiteExitCode = 2;

    public static IResourceBuilder<T> WithPrerequisiteFile<T>(this IResourceBuilder<T> builder, string what, string path, string install)
        where T : IResource =>
        builder.WithAnnotation(new PrerequisiteAnnotation(what, path, path, install));

    /// <param name="resolved">The command's path on PATH; null when it was not found.</param>
    public static IResourceBuilder<T> WithPrerequisiteCommand<T>(this IResourceBuilder<T> builder, string what, string command, string? resolved, string install)
        where T : IResource =>
        builder.WithAnnotation(new PrerequisiteAnnotation(what, resolved, $"{command} on PATH", install));

    /// <summary>
    /// Runs the application once every prerequisite of the model is there and every fixed port is free; otherwise prints
    /// one line per missing prerequisite or taken port and returns exit code 2, before anything starts. A taken port would
    /// otherwise leave its resource exited and everything waiting on it, with nothing said.
    /// </summary>
    public static int RunWhenPrerequisitesPresent(this DistributedApplication app)
    {
        var resources = app.Services.GetRequiredService<DistributedApplicationModel>().Resources;
        var missing = resources
            .SelectMany(resource => resource.Annotations.OfType<PrerequisiteAnnotation>())
            .Where(prerequisite => prerequisite.IsMissing)
            .Select(prerequisite => prerequisite.Message)
            .Distinct()
            .ToList();
        // Ports matter once everything is installed.
        if (missing.Count == 0)
            missing.AddRange(TakenPorts(resources));
        if (missing.Count > 0)
        {
            missing.ForEach(Console.Error.WriteLine);
            return MissingPrerequisiteExitCode;
        }
        app.Run();
        return 0;
    }

    /// <summary>The fixed ports (a developer's run) some process already listens on: an earlier run's leftover, or another program.</summary>
    private static IEnumerable<string> TakenPorts(IEnumerable<IResource> resources)
    {
        var listening = ListeningPorts.Read();
        return resources
            .SelectMany(resource => resource.Annotations.OfType<EndpointAnnotation>()
                .Where(endpoint => endpoint.TargetPort is { } port && listening.Contains(port))
                .Select(endpoint => (Resource: resource.Name, Port: endpoint.TargetPort!.Value)))
            .OrderBy(taken => taken.Port)
            .Select(taken => $"Port {taken.Port} ({taken.Resource}) is already in use" +
                             (ListeningPorts.Owner(listening[taken.Port]) is { } owner ? $" by {owner}" : "") +
                             ": stop it (an earlier run still going?), then start again.");
    }
}
