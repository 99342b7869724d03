namespace Opco.Contracts.Finance;

/// <summary>
/// Company <paramref name="Siren"/> is called to declare its branch contribution of <paramref name="Year"/>, due by
/// <paramref name="DueOn"/>: because the year opened (<paramref name="Reason"/> <see cref="ContributionCallReasons.YearOpened"/>),
/// or because the due date is near and it has not declared (<see cref="ContributionCallReasons.DeadlineApproaching"/>).
/// </summary>
public sealed record ContributionCalled(string Siren, int Year, DateOnly DueOn, string Reason, DateTimeOffset CalledAt);

public static class ContributionCallReasons
{
    public const string YearOpened = "YearOpened";
    public const string DeadlineApproaching = "DeadlineApproaching";
}
