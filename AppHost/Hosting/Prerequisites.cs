namespace Opco.AppHost.Hosting;

internal static class Prerequisites
{
    /// <summary>One line per missing prerequisite, checked for the whole model before anything starts.</summary>
    public static List<string> Missing(IEnumerable<Resource> resources, string repoRoot, Toolchain tools)
    {
        return resources
            .SelectMany(r => r.Prerequisites(repoRoot, tools))
            .Where(p => p.IsMissing)
            .Select(p => p.Message)
            .Distinct()
            .ToList();
    }
}
