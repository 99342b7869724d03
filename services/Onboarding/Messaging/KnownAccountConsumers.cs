using MassTransit;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Onboarding.Data;

namespace Opco.Onboarding.Messaging;

/// <summary>Keeps the copy of identity's accounts (e-mail, names, advisor or not) from its events.</summary>
public sealed class UserCreatedAccountConsumer(OnboardingDbContext db, MessagingMetrics metrics)
    : InboxConsumer<UserCreated, OnboardingDbContext>(db, metrics)
{
    protected override Task HandleAsync(UserCreated message, ConsumeContext<UserCreated> context, CancellationToken cancellationToken) =>
        KnownAccountCopy.UpsertAsync(Db, message.UserId, message.Email, message.FirstName, message.LastName, false, message.CreatedAt, cancellationToken);
}

public sealed class UserHabilitationsChangedAccountConsumer(OnboardingDbContext db, MessagingMetrics metrics)
    : InboxConsumer<UserHabilitationsChanged, OnboardingDbContext>(db, metrics)
{
    protected override Task HandleAsync(UserHabilitationsChanged message, ConsumeContext<UserHabilitationsChanged> context,
        CancellationToken cancellationToken) =>
        KnownAccountCopy.UpsertAsync(Db, message.UserId, message.Email, message.FirstName, message.LastName, false, message.ChangedAt, cancellationToken);
}

public sealed class AdvisorRegisteredConsumer(OnboardingDbContext db, MessagingMetrics metrics)
    : InboxConsumer<AdvisorRegistered, OnboardingDbContext>(db, metrics)
{
    protected override Task HandleAsync(AdvisorRegistered message, ConsumeContext<AdvisorRegistered> context, CancellationToken cancellationToken) =>
        KnownAccountCopy.UpsertAsync(Db, message.UserId, message.Email, message.FirstName, message.LastName, true, message.RegisteredAt, cancellationToken);
}

/// <summary>A confirmed new e-mail or an edited name.</summary>
public sealed class UserContactChangedConsumer(OnboardingDbContext db, MessagingMetrics metrics)
    : InboxConsumer<UserContactChanged, OnboardingDbContext>(db, metrics)
{
    protected override Task HandleAsync(UserContactChanged message, ConsumeContext<UserContactChanged> context, CancellationToken cancellationToken) =>
        KnownAccountCopy.UpsertAsync(Db, message.UserId, message.Email, message.FirstName, message.LastName, false, message.ChangedAt, cancellationToken);
}

public sealed class UserDeletedAccountConsumer(OnboardingDbContext db, MessagingMetrics metrics)
    : InboxConsumer<UserDeleted, OnboardingDbContext>(db, metrics)
{
    protected override Task HandleAsync(UserDeleted message, ConsumeContext<UserDeleted> context, CancellationToken cancellationToken) =>
        KnownAccountCopy.ForgetAsync(Db, message.UserId, cancellationToken);
}
