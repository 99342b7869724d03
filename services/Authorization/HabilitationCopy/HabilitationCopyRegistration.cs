using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Opco.Authorization.Establishments;
using Opco.Contracts.Identity;
using Opco.Messaging.Copies;

namespace Opco.Authorization.HabilitationCopy;

public static class HabilitationCopyRegistration
{
    public const string CopyName = "user-rights";

    /// <summary>
    /// Keeps the copy of users' rights in <typeparamref name="TContext"/> (which maps it with
    /// <see cref="HabilitationCopyModelBuilderExtensions.AddHabilitationCopy"/> and the copy fills) from identity's
    /// events, on one queue per service, fills it from identity's snapshot when it is new, and lets endpoints read it.
    /// Call it inside AddReliableMessaging's consumer configuration.
    /// </summary>
    public static IBusRegistrationConfigurator AddHabilitationCopy<TContext>(this IBusRegistrationConfigurator bus, string serviceName)
        where TContext : DbContext
    {
        var queue = $"{serviceName}-{CopyName}";
        bus.AddConsumer<UserHabilitationsChangedConsumer<TContext>>().Endpoint(e => e.Name = queue);
        bus.AddConsumer<UserActivationChangedConsumer<TContext>>().Endpoint(e => e.Name = queue);
        bus.AddConsumer<UserDeletedConsumer<TContext>>().Endpoint(e => e.Name = queue);
        bus.AddConsumer<UserRightsSnapshotConsumer<TContext>>().Endpoint(e => e.Name = queue);
        bus.AddScoped<IEstablishmentRights, EstablishmentRights<TContext>>();
        bus.AddCopyFill<TContext>(CopyName, at => new UserRightsSnapshotRequested(serviceName, at));
        return bus;
    }
}
