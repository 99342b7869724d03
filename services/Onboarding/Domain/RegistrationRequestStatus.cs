namespace Opco.Onboarding.Domain;

public enum RegistrationRequestStatus
{
    Pending,
    Approved,
    Refused,
}
