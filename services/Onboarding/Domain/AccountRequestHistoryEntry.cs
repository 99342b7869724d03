namespace Opco.Onboarding.Domain;

/// <summary>One state change of a request: when, to which status, by whom, and why for a refusal.</summary>
public sealed class AccountRequestHistoryEntry
{
    public long Id { get; private set; }
    public Guid AccountRequestId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public AccountRequestStatus Status { get; private set; }
    /// <summary>The deciding user; null for the requester, who has no account yet.</summary>
    public Guid? ByUserId { get; private set; }
    public string ByName { get; private set; } = "";
    public string? Reason { get; private set; }

    private AccountRequestHistoryEntry() { }

    internal static AccountRequestHistoryEntry Of(Guid requestId, DateTimeOffset at, AccountRequestStatus status, Guid? by, string byName,
        string? reason = null) =>
        new() { AccountRequestId = requestId, At = at, Status = status, ByUserId = by, ByName = byName, Reason = reason };
}
