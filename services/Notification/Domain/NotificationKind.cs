namespace Opco.Notification.Domain;

/// <summary>What a notification is about; each kind has its own in-portal and e-mail alert settings.</summary>
public enum NotificationKind
{
    AccountRequestToValidate,
    AccountRequestDecided,
    DossierStatusChanged,
    Payment,
    ContributionCall,
    HabilitationsChanged,
    EstablishmentClosed,
    ContractStatusChanged,
}
