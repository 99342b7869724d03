using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Contracts;

/// <summary>
/// The branch's figures for contrats de professionnalisation, as data (domain.md): the hourly forfait that funds the
/// training, the tutor aid, the SMIC the minimum pay is reckoned from, and the branch checks that warn. One row.
/// </summary>
public sealed class ContractFundingRules
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;
    /// <summary>Euros per training hour (e.g. 9,15 €/h).</summary>
    public decimal HourlyForfait { get; private set; }
    /// <summary>The branch funds at most this many training hours; beyond, the forfait does not apply (a warning).</summary>
    public decimal MaxFundedHours { get; private set; }
    public decimal TutorAidPerMonth { get; private set; }
    public int TutorAidMonths { get; private set; }
    /// <summary>The gross hourly SMIC the minimum pay is a percentage of.</summary>
    public decimal SmicHourly { get; private set; }
    /// <summary>Below this many hours a week, the branch's agreement warns (the contract is not refused).</summary>
    public decimal MinWeeklyHours { get; private set; }

    private ContractFundingRules() { }

    public static ContractFundingRules Of(decimal hourlyForfait, decimal maxFundedHours, decimal tutorAidPerMonth, int tutorAidMonths,
        decimal smicHourly, decimal minWeeklyHours) => new()
    {
        HourlyForfait = hourlyForfait, MaxFundedHours = maxFundedHours, TutorAidPerMonth = tutorAidPerMonth, TutorAidMonths = tutorAidMonths,
        SmicHourly = smicHourly, MinWeeklyHours = minWeeklyHours,
    };

    /// <summary>The demo and test figures, seeded by the migration.</summary>
    public static ContractFundingRules Default => Of(9.15m, 1_200m, 230m, 6, 11.88m, 24m);

    /// <summary>The forfait × the training hours the branch funds, to the cent.</summary>
    public decimal TrainingFunding(decimal trainingHours) => decimal.Round(HourlyForfait * Math.Min(trainingHours, MaxFundedHours), 2);

    public decimal TutorAid => TutorAidPerMonth * TutorAidMonths;
}

/// <summary>
/// The legal limits of a contrat de professionnalisation (Code du travail, L6325; domain.md) and the computations they
/// need: age at the start, duration, the contract's hours, the training's share, the minimum pay, the deadlines.
/// </summary>
public static class ContractLaw
{
    public const int MinimumAge = 16;
    /// <summary>Up to this age included, a young person; from the next, 26 and over.</summary>
    public const int YoungMaxAge = 25;
    public const int MinMonths = 6;
    public const int MaxMonths = 12;
    public const int ExtendedMaxMonths = 24;
    public const decimal MinTrainingShare = 0.15m;
    public const decimal MaxTrainingShare = 0.25m;
    public const decimal MinTrainingHours = 150m;
    public const decimal MaxWeeklyHours = 48m;
    public const int TutorMinYears = 2;
    public const int TutorMaxTrainees = 2;
    /// <summary>A contract is filed at most this many days after its start; later is accepted with a warning.</summary>
    public const int FilingDays = 5;
    /// <summary>The OPCO decides within this many days of the transmission; silence means acceptance.</summary>
    public const int DecisionDays = 20;

    /// <summary>Age in whole years on <paramref name="day"/>.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>The minimum pay as a share of the SMIC by age (domain.md): under 21, 55 %; 21 to 25, 70 %; 26 and over, 100 %.</summary>
    public static decimal MinimumRate(int age) => age < 21 ? 0.55m : age <= YoungMaxAge ? 0.70m : 1.00m;

    /// <summary>The minimum gross monthly pay: rate × hourly SMIC × weekly hours × 52 / 12, to the cent above.</summary>
    public static decimal MinimumMonthlyPay(int age, decimal weeklyHours, decimal smicHourly) =>
        decimal.Ceiling(MinimumRate(age) * smicHourly * weeklyHours * 52m / 12m * 100m) / 100m;

    /// <summary>The longest action for the public; until it is chosen, the longest any public may have (checked again at transmission).</summary>
    public static int MaxMonthsFor(ContractPublic? audience) =>
        audience is ContractPublic.Young or ContractPublic.JobSeeker ? MaxMonths : ExtendedMaxMonths;

    /// <summary>The dates a contract, its training or its rupture may have: beyond, a date is a typing mistake.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    public static bool IsPlausible(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>
    /// The last day of <paramref name="months"/> months from <paramref name="start"/>: the day before the same day
    /// <paramref name="months"/> later, or, when that month is shorter (from a 31st, from 29 February), its last day.
    /// </summary>
    public static DateOnly LastDayOf(DateOnly start, int months)
    {
        var next = start.AddMonths(months);
        return next.Day == start.Day ? next.AddDays(-1) : next;
    }

    /// <summary>Whether the action from <paramref name="start"/> to <paramref name="end"/> (both included) lasts at least <paramref name="months"/> months.</summary>
    public static bool LastsAtLeast(DateOnly start, DateOnly end, int months) => end >= LastDayOf(start, months);

    /// <summary>Whether it lasts at most <paramref name="months"/> months.</summary>
    public static bool LastsAtMost(DateOnly start, DateOnly end, int months) => end <= LastDayOf(start, months);

    /// <summary>The contract's hours: weekly hours × its weeks (days / 7, both days included), to the hundredth.</summary>
    public static decimal ContractHours(DateOnly start, DateOnly end, decimal weeklyHours) =>
        decimal.Round(weeklyHours * (end.DayNumber - start.DayNumber + 1) / 7m, 2);

    /// <summary>The last day a contract starting on <paramref name="start"/> is filed on time.</summary>
    public static DateOnly FilingDeadline(DateOnly start) => start.AddDays(FilingDays);

    /// <summary>The day silence becomes acceptance: the screen says « Décision attendue avant le » this day.</summary>
    public static DateOnly DecisionDueOn(DateOnly transmittedOn) => transmittedOn.AddDays(DecisionDays);

    public static string DecisionDueText(DateOnly dueOn) => $"Décision attendue avant le {FrenchFormat.Date(dueOn)}";
}
