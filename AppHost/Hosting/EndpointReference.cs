namespace Opco.AppHost.Hosting;

/// <summary>A URL known only once ports are allocated.</summary>
public sealed class EndpointReference(Func<string> url) : IValueReference
{
    public string Value => url();
}
