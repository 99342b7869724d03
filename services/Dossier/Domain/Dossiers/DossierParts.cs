namespace Opco.Dossier.Domain.Dossiers;

/// <summary>An employee of the establishment following the training, with their hours.</summary>
public sealed class DossierTrainee
{
    public long Id { get; private set; }
    public Guid DossierId { get; private set; }
    public Guid EmployeeId { get; private set; }
    public decimal Hours { get; private set; }
    /// <summary>Of <see cref="Hours"/>, those outside working time.</summary>
    public decimal HoursOutsideWorkingTime { get; private set; }

    private DossierTrainee() { }

    internal static DossierTrainee Of(Guid dossierId, Guid employeeId, decimal hours, decimal outside) =>
        new() { DossierId = dossierId, EmployeeId = employeeId, Hours = hours, HoursOutsideWorkingTime = outside };
}

/// <summary>Meals, nights or kilometres: a quantity at a unit amount, funded up to the scheme's ceiling per unit.</summary>
public sealed class DossierIncidentalCost
{
    public long Id { get; private set; }
    public Guid DossierId { get; private set; }
    public IncidentalCostKind Kind { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal UnitAmount { get; private set; }

    private DossierIncidentalCost() { }

    internal static DossierIncidentalCost Of(Guid dossierId, IncidentalCostKind kind, decimal quantity, decimal unitAmount) =>
        new() { DossierId = dossierId, Kind = kind, Quantity = quantity, UnitAmount = unitAmount };
}

/// <summary>One move of the dossier, kept for its timeline: who, when, from, to and why.</summary>
public sealed class DossierHistoryEntry
{
    public long Id { get; private set; }
    public Guid DossierId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ById { get; private set; }
    public string ByName { get; private set; } = "";
    public DossierStatus? From { get; private set; }
    public DossierStatus To { get; private set; }
    public string? Reason { get; private set; }

    private DossierHistoryEntry() { }

    internal static DossierHistoryEntry Of(Guid dossierId, DateTimeOffset at, Actor by, DossierStatus? from, DossierStatus to, string? reason) =>
        new() { DossierId = dossierId, At = at, ById = by.UserId, ByName = by.Name, From = from, To = to, Reason = reason };
}

/// <summary>A message between the company and the advisor on the dossier.</summary>
public sealed class DossierComment
{
    public const int MaxLength = 2000;

    public long Id { get; private set; }
    public Guid DossierId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public bool ByAdvisor { get; private set; }
    public string Text { get; private set; } = "";

    private DossierComment() { }

    internal static DossierComment Of(Guid dossierId, DateTimeOffset at, Actor author, bool byAdvisor, string text) =>
        new() { DossierId = dossierId, At = at, AuthorId = author.UserId!.Value, AuthorName = author.Name, ByAdvisor = byAdvisor, Text = text };
}

/// <summary>Who acts: a signed-in user (id and display name) or the system (no id).</summary>
public sealed record Actor(Guid? UserId, string Name)
{
    public static readonly Actor NightlyTransmission = new(null, "Transmission de nuit");
    public static readonly Actor Finance = new(null, "Service financier de l'OPCO");
}
