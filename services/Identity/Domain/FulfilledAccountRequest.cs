namespace Opco.Identity.Domain;

/// <summary>An accepted account request identity has carried out, so carrying it out again (a re-sent event) changes nothing.</summary>
public sealed class FulfilledAccountRequest
{
    public Guid AccountRequestId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset FulfilledAt { get; private set; }

    private FulfilledAccountRequest() { }

    public static FulfilledAccountRequest Of(Guid accountRequestId, Guid userId, DateTimeOffset at) =>
        new() { AccountRequestId = accountRequestId, UserId = userId, FulfilledAt = at };
}
