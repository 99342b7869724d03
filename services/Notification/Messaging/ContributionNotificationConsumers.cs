using MassTransit;
using Opco.Contracts.Finance;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Features.Audience;
using Opco.Notification.Features.Notifications;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Notification.Messaging;

/// <summary>
/// A contribution call (the year opens, or its due date nears without a declaration) reaches, in "Mes notifications", the
/// users holding "Déclarer les contributions formations" on any establishment of the company (and by e-mail alert, as each chose).
/// </summary>
public sealed class ContributionCalledNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<ContributionCalled, NotificationDbContext>(db, metrics)
{
    public static string TitleOf(ContributionCalled m) => m.Reason == ContributionCallReasons.DeadlineApproaching
        ? $"Contribution {m.Year} : à déclarer avant le {FrenchFormat.Date(m.DueOn)}"
        : $"Contribution {m.Year} : la déclaration est ouverte";

    public static string BodyOf(ContributionCalled m) => m.Reason == ContributionCallReasons.DeadlineApproaching
        ? $"La contribution conventionnelle {m.Year} de votre entreprise (SIREN {m.Siren}) n'est pas encore déclarée : elle est due au plus tard le "
          + $"{FrenchFormat.Date(m.DueOn)}. Déclarez-la dans « Mes contributions »."
        : $"Vous pouvez déclarer la contribution conventionnelle {m.Year} de votre entreprise (SIREN {m.Siren}) dans « Mes contributions » : "
          + $"elle est due au plus tard le {FrenchFormat.Date(m.DueOn)}.";

    protected override async Task HandleAsync(ContributionCalled message, ConsumeContext<ContributionCalled> context, CancellationToken cancellationToken)
    {
        var audience = await EstablishmentAudience.CompanyUsersAsync(Db, message.Siren, Functionality.DeclarerContributions, cancellationToken);
        await PortalNotifications.AddAsync(Db, audience, NotificationKind.ContributionCall, TitleOf(message), BodyOf(message), "/contributions",
            $"Contribution/{message.Siren}/{message.Year}", clock.GetUtcNow(), cancellationToken);
    }
}
