using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Opco.Authorization.Establishments;

namespace Opco.Authorization.HabilitationCopy;

public static class HabilitationCopyRegistration
{
    /// <summary>
    /// Keeps the copy of users' rights in <typeparamref name="TContext"/> (which maps it with
    /// <see cref="HabilitationCopyModelBuilderExtensions.AddHabilitationCopy"/>) from identity's events, on one queue
    /// per service, and lets endpoints read it. Call it inside AddReliableMessaging's consumer configuration.
    /// </summary>
    public static IBusRegistrationConfigurator AddHabilitationCopy<TContext>(this IBusRegistrationConfigurator bus, string serviceName)
        where TContext : DbContext
    {
        var queue = $"{serviceName}-user-rights";
        bus.AddConsumer<UserHabilitationsChangedConsumer<TContext>>().Endpoint(e => e.Name = queue);
        bus.AddConsumer<UserActivationChangedConsumer<TContext>>().Endpoint(e => e.Name = queue);
        bus.AddConsumer<UserDeletedConsumer<TContext>>().Endpoint(e => e.Name = queue);
        bus.AddScoped<IEstablishmentRights, EstablishmentRights<TContext>>();
        return bus;
    }
}
