namespace Opco.Onboarding.Domain;

public enum AccountRequestStatus
{
    Pending,
    Approved,
    Refused,
}
