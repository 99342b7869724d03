using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Opco.Web.Authentication;

/// <summary>
/// HttpClient handlers live in a DI scope of their own; this hands them the services of the Blazor circuit whose
/// event is being processed, so the token handler can find the signed-in user.
/// </summary>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}

internal sealed class CircuitServicesHandler(IServiceProvider services, CircuitServicesAccessor accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context);
            accessor.Services = null;
        };
}
