namespace Opco.Dossier.Domain;

/// <summary>Every read or change of hourly wages by a holder of "Gérer le salaire horaire" (domain.md): who, when, whose.</summary>
public sealed class WageAccess
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid UserId { get; private set; }
    public string Siret { get; private set; } = "";
    public Guid EmployeeId { get; private set; }
    public WageAccessKind Kind { get; private set; }

    private WageAccess() { }

    public static WageAccess Of(DateTimeOffset at, Guid userId, string siret, Guid employeeId, WageAccessKind kind) =>
        new() { At = at, UserId = userId, Siret = siret, EmployeeId = employeeId, Kind = kind };
}

public enum WageAccessKind
{
    Read,
    Change,
}
