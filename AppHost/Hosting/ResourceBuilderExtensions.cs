namespace Opco.AppHost.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>Starts <paramref name="resource"/> only once <paramref name="dependency"/> is ready.</summary>
    public static T WaitFor<T>(this T resource, Resource dependency)
        where T : Resource
    {
        resource.WaitsFor.Add(dependency);
        return resource;
    }
}
