namespace Opco.Onboarding.Domain;

public enum AccountRequestStatus
{
    Pending,
    /// <summary>✓ given: identity is creating the account or attaching the existing one.</summary>
    Approving,
    Approved,
    /// <summary>Identity could not carry ✓ out (<see cref="AccountRequest.FailureReason"/>): the request awaits a decision again.</summary>
    Failed,
    Refused,
}
