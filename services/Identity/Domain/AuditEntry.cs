namespace Opco.Identity.Domain;

/// <summary>Who changed what on a user, when, with the state before and after. Kept when the user is deleted.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public Guid TargetUserId { get; set; }
    public string? Siret { get; set; }
    public string Action { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}
