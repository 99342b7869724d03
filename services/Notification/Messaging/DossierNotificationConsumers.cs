using MassTransit;
using Opco.Contracts.Dossier;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Features.Audience;
using Opco.Notification.Features.Notifications;
using Opco.SharedKernel;
using Opco.SharedKernel.Dossiers;
using Opco.SharedKernel.Habilitations;

namespace Opco.Notification.Messaging;

/// <summary>
/// Every status change of a dossier reaches, in "Mes notifications", the users holding "Suivre les dossiers" on its
/// establishment (and by e-mail alert, as each chose); the author of the change is told too, which is harmless.
/// </summary>
public sealed class DossierStatusChangedNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<DossierStatusChanged, NotificationDbContext>(db, metrics)
{
    public static string TitleOf(DossierStatusChanged m) => $"Dossier n° {m.Number} : {DossierStatusLabels.Of(m.To)}";

    public static string BodyOf(DossierStatusChanged m) =>
        $"Le dossier n° {m.Number}{(m.Title is null ? "" : $" « {m.Title} »")} est passé de « {DossierStatusLabels.Of(m.From)} » à « {DossierStatusLabels.Of(m.To)} »."
        + (m.Reason is null ? "" : $" Motif : {m.Reason}");

    protected override async Task HandleAsync(DossierStatusChanged message, ConsumeContext<DossierStatusChanged> context, CancellationToken cancellationToken)
    {
        var audience = await EstablishmentAudience.UsersAsync(Db, message.Siret, Functionality.SuivreDossiers, cancellationToken);
        await PortalNotifications.AddAsync(Db, audience, NotificationKind.DossierStatusChanged, TitleOf(message), BodyOf(message),
            $"/dossiers/{message.Siret}/{message.DossierId}", $"Dossier/{message.DossierId}", clock.GetUtcNow(), cancellationToken);
    }
}

/// <summary>Pieces asked for 15 days ago and still missing: the followers of the dossier are reminded of the deadline.</summary>
public sealed class DossierDocumentsReminderNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<DossierDocumentsReminderDue, NotificationDbContext>(db, metrics)
{
    protected override async Task HandleAsync(DossierDocumentsReminderDue message, ConsumeContext<DossierDocumentsReminderDue> context,
        CancellationToken cancellationToken)
    {
        var audience = await EstablishmentAudience.UsersAsync(Db, message.Siret, Functionality.SuivreDossiers, cancellationToken);
        await PortalNotifications.AddAsync(Db, audience, NotificationKind.DossierStatusChanged, $"Dossier n° {message.Number} : pièces attendues",
            $"Les pièces demandées par votre conseiller pour le dossier n° {message.Number} sont attendues au plus tard le "
            + $"{FrenchFormat.Date(message.DueOn)} ; passé ce délai, le dossier pourra être refusé.",
            $"/dossiers/{message.Siret}/{message.DossierId}", $"Dossier/{message.DossierId}", clock.GetUtcNow(), cancellationToken);
    }
}

/// <summary>
/// Every status change of a contrat de professionnalisation reaches the users holding "Suivre les contrats de pro" on its
/// establishment, in "Mes notifications" and by e-mail alert as each chose.
/// </summary>
public sealed class ContractStatusChangedNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<ContractStatusChanged, NotificationDbContext>(db, metrics)
{
    public static string TitleOf(ContractStatusChanged m) =>
        $"{(m.ContractType == ContractTypeLabels.Amendment ? "Avenant" : "Contrat de pro")} n° {m.Number} : {ContractStatusLabels.Of(m.To)}";

    public static string BodyOf(ContractStatusChanged m) =>
        $"Le {(m.ContractType == ContractTypeLabels.Amendment ? "avenant" : "contrat de professionnalisation")} n° {m.Number} est passé de « {ContractStatusLabels.Of(m.From)} » "
        + $"à « {ContractStatusLabels.Of(m.To)} »." + (m.Reason is null ? "" : $" Motif : {m.Reason}");

    protected override async Task HandleAsync(ContractStatusChanged message, ConsumeContext<ContractStatusChanged> context, CancellationToken cancellationToken)
    {
        var audience = await EstablishmentAudience.UsersAsync(Db, message.Siret, Functionality.SuivreContratsPro, cancellationToken);
        await PortalNotifications.AddAsync(Db, audience, NotificationKind.ContractStatusChanged, TitleOf(message), BodyOf(message),
            $"/contrats/{message.Siret}/{message.ContractId}", $"Contract/{message.ContractId}", clock.GetUtcNow(), cancellationToken);
    }
}
