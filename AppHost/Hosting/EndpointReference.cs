namespace Opco.AppHost.Hosting;

/// <summary>A URL known only once ports are allocated, usable as an environment value.</summary>
public sealed class EndpointReference(Func<string> url)
{
    public string Url => url();
}
