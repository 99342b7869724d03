using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Onboarding;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Identity.Messaging;

/// <summary>Keeps identity's copy of the registry (name, SIREN/SIRET, head office, closed) from onboarding's events.</summary>
public sealed class EstablishmentRegisteredConsumer(IdentityDbContext db, MessagingMetrics metrics)
    : InboxConsumer<EstablishmentRegistered, IdentityDbContext>(db, metrics)
{
    protected override Task HandleAsync(EstablishmentRegistered message, ConsumeContext<EstablishmentRegistered> context, CancellationToken cancellationToken) =>
        EstablishmentCopy.UpsertAsync(Db, message.Siret, message.Siren, message.Name, message.CompanyName, message.Address,
            message.IsHeadOffice, message.ClosedOn, cancellationToken);
}

public sealed class EstablishmentUpdatedConsumer(IdentityDbContext db, MessagingMetrics metrics)
    : InboxConsumer<EstablishmentUpdated, IdentityDbContext>(db, metrics)
{
    protected override Task HandleAsync(EstablishmentUpdated message, ConsumeContext<EstablishmentUpdated> context, CancellationToken cancellationToken) =>
        EstablishmentCopy.UpsertAsync(Db, message.Siret, message.Siren, message.Name, message.CompanyName, message.Address,
            message.IsHeadOffice, message.ClosedOn, cancellationToken);
}

public sealed class EstablishmentClosedConsumer(IdentityDbContext db, MessagingMetrics metrics)
    : InboxConsumer<EstablishmentClosed, IdentityDbContext>(db, metrics)
{
    protected override async Task HandleAsync(EstablishmentClosed message, ConsumeContext<EstablishmentClosed> context, CancellationToken cancellationToken)
    {
        var establishment = await Db.Establishments.SingleOrDefaultAsync(e => e.Siret == message.Siret, cancellationToken);
        if (establishment is not null) establishment.ClosedOn = message.ClosedOn;
    }
}
