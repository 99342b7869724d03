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
    /// Runs the application once every prerequisite of the model is there; otherwise prints one line per missing one
    /// and returns exit code 2, before anything starts.
    /// </summary>
    public static int RunWhenPrerequisitesPresent(this DistributedApplication app)
    {
        var missing = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .SelectMany(resource => resource.Annotations.OfType<PrerequisiteAnnotation>())
            .Where(prerequisite => prerequisite.IsMissing)
            .Select(prerequisite => prerequisite.Message)
            .Distinct()
            .ToList();
        if (missing.Count > 0)
        {
            missing.ForEach(Console.Error.WriteLine);
            return MissingPrerequisiteExitCode;
        }
        app.Run();
        return 0;
    }
}
