namespace Opco.AppHost.Hosting;

/// <summary>A resource referenced through <c>ConnectionStrings__NAME</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    string ConnectionString { get; }
}
