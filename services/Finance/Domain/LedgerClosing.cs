namespace Opco.Finance.Domain;

/// <summary>
/// An account's closed periods: its lines recorded before <see cref="ClosedUntil"/> are carried forward as sums per
/// company and kind (<see cref="ClosedLedgerSum"/>), so that its figures add those sums to the lines recorded since,
/// instead of every line of its history. Lines are immutable and none may enter a closed period (the database refuses
/// both), so a closed period never changes; the boundary stays two days behind, beyond any transaction still writing.
/// </summary>
public sealed class LedgerClosing
{
    /// <summary>How far behind now the boundary stays.</summary>
    public static readonly TimeSpan Lag = TimeSpan.FromDays(2);

    public Guid AccountId { get; private set; }
    public DateTimeOffset ClosedUntil { get; private set; }

    private LedgerClosing() { }

    /// <summary>Where the boundary may move at <paramref name="now"/>: the first day (UTC) of the month two days ago.</summary>
    public static DateTimeOffset BoundaryAt(DateTimeOffset now)
    {
        var behind = now.ToUniversalTime() - Lag;
        return new DateTimeOffset(behind.Year, behind.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }
}

/// <summary>What the lines of an account (and company) of one kind summed to in a closed period, in cents, and how many there were.</summary>
public sealed class ClosedLedgerSum
{
    public long Id { get; private set; }
    public DateTimeOffset PeriodEnd { get; private set; }
    public Guid AccountId { get; private set; }
    public string? Siren { get; private set; }
    public LedgerEntryKind Kind { get; private set; }
    public long Cents { get; private set; }
    public int Lines { get; private set; }

    private ClosedLedgerSum() { }
}
