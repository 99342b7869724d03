using Opco.Finance.Domain.Collecte;

namespace Opco.UnitTests.Finance;

public sealed class ContributionTests
{
    private const string Siret = "73282932000074";
    private static readonly DateOnly Today = new(2027, 1, 20);
    private static readonly DateTimeOffset Now = new(2027, 1, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid User = Guid.NewGuid();

    /// <summary>The table the migration seeds.</summary>
    private static readonly IReadOnlyList<ContributionRate> Table =
    [
        new("moins-11", "Moins de 11 salariés", 0m, 11m, 0.0010m, 50m),
        new("11-49", "De 11 à 49 salariés", 11m, 50m, 0.0020m, 150m),
        new("50-299", "De 50 à 299 salariés", 50m, 300m, 0.0030m, 500m),
        new("300-plus", "300 salariés et plus", 300m, null, 0.0040m, 1500m),
    ];

    private static ContributionDeclaration Draft(decimal headcount, decimal payroll, int year = 2027) =>
        ContributionDeclaration.Draft(Siret, new DeclarationForm(year, headcount, payroll), Table, Today, Now).Declaration!;

    [Theory]
    [InlineData(0, "moins-11")]
    [InlineData(10.99, "moins-11")]
    [InlineData(11, "11-49")]
    [InlineData(49.99, "11-49")]
    [InlineData(50, "50-299")]
    [InlineData(299.99, "50-299")]
    [InlineData(300, "300-plus")]
    [InlineData(25000, "300-plus")]
    public void The_band_of_an_average_headcount_includes_its_lower_edge_and_excludes_its_upper_one(double headcount, string band) =>
        Assert.Equal(band, ContributionRate.For(Table, (decimal)headcount)!.BandCode);

    [Fact]
    public void The_amount_is_the_band_s_rate_times_the_payroll_rounded_to_the_cent()
    {
        var declaration = Draft(25, 1_234_567.89m);

        // 0,20 % of 1 234 567,89 € = 2 469,13578 → 2 469,14 €.
        Assert.Equal(("11-49", 0.0020m, 2_469.14m, false), (declaration.BandCode, declaration.Rate, declaration.Amount, declaration.MinimumApplied));
        Assert.Equal(new DateOnly(2027, 3, 1), declaration.DueOn);
        Assert.Equal(DeclarationStatus.Draft, declaration.Status);
    }

    [Theory]
    [InlineData(5, 49_990, 50, true)]
    [InlineData(5, 50_000, 50, false)]
    [InlineData(5, 50_005, 50.01, false)]
    [InlineData(120, 100_000, 500, true)]
    [InlineData(120, 0, 500, true)]
    [InlineData(300, 375_000, 1500, false)]
    [InlineData(300, 374_998, 1500, true)]
    public void The_minimum_of_the_band_is_due_when_rate_times_base_falls_below_it(double headcount, double payroll, double amount, bool minimum)
    {
        var declaration = Draft((decimal)headcount, (decimal)payroll);

        Assert.Equal(((decimal)amount, minimum), (declaration.Amount, declaration.MinimumApplied));
    }

    [Theory]
    [InlineData(2025, 10, 1000, "year")]
    [InlineData(2028, 10, 1000, "year")]
    [InlineData(2027, -1, 1000, "averageHeadcount")]
    [InlineData(2027, 10.123, 1000, "averageHeadcount")]
    [InlineData(2027, 10, -0.01, "payroll")]
    [InlineData(2027, 10, 1000.001, "payroll")]
    public void Wrong_figures_are_refused_on_their_field(int year, double headcount, double payroll, string field)
    {
        var (declaration, errors) = ContributionDeclaration.Draft(Siret, new DeclarationForm(year, (decimal)headcount, (decimal)payroll), Table, Today, Now);

        Assert.Null(declaration);
        Assert.True(errors.Has(field));
    }

    [Theory]
    [InlineData(10.123, "L'effectif moyen s'exprime avec deux décimales au plus.")]
    [InlineData(1_000_000.01, "L'effectif moyen ne doit pas dépasser 1 000 000 salariés.")]
    [InlineData(2_000_000, "L'effectif moyen ne doit pas dépasser 1 000 000 salariés.")]
    public void A_wrong_headcount_is_told_what_is_wrong_with_it(double headcount, string message)
    {
        var (_, errors) = ContributionDeclaration.Draft(Siret, new DeclarationForm(2027, (decimal)headcount, 1000m), Table, Today, Now);

        Assert.Equal([message], errors.ToDictionary()["averageHeadcount"]);
    }

    [Fact]
    public void A_declaration_is_declared_then_paid_once_and_late_only_after_its_due_date_unpaid()
    {
        var declaration = Draft(25, 100_000m);
        Assert.True(declaration.RecordPayment(null, User, Today).Errors.Has("status"));
        Assert.True(declaration.Declare(User, Today, Now));
        Assert.False(declaration.Declare(User, Today, Now));
        Assert.Equal(DeclarationStatus.Declared, declaration.Status);
        Assert.True(declaration.Update(new DeclarationForm(2027, 30, 1m), Table, Today).Has("status"));

        Assert.False(declaration.MarkLateIfUnpaid(new DateOnly(2027, 3, 1)));
        Assert.True(declaration.MarkLateIfUnpaid(new DateOnly(2027, 3, 2)));
        Assert.Equal(DeclarationStatus.Late, declaration.Status);

        var (again, errors) = declaration.RecordPayment(new DateOnly(2027, 3, 5), User, new DateOnly(2027, 3, 5));
        Assert.Equal((false, true), (again, errors.IsEmpty));
        Assert.Equal((DeclarationStatus.Paid, new DateOnly(2027, 3, 5)), (declaration.Status, declaration.PaidOn));
        Assert.True(declaration.RecordPayment(null, User, Today).AlreadyPaid);
        Assert.False(declaration.MarkLateIfUnpaid(new DateOnly(2027, 4, 1)));
    }

    [Fact]
    public void A_year_declared_after_its_due_date_is_late_at_once()
    {
        var declaration = ContributionDeclaration.Draft(Siret, new DeclarationForm(2026, 5, 10_000m), Table, Today, Now).Declaration!;

        declaration.Declare(User, Today, Now);

        Assert.Equal(DeclarationStatus.Late, declaration.Status);
    }

    [Fact]
    public void Companies_are_reminded_once_from_15_days_before_the_due_date_until_it()
    {
        var campaign = ContributionCampaign.Open(2027, Now);

        Assert.False(campaign.IsReminderDue(new DateOnly(2027, 2, 13)));
        Assert.True(campaign.IsReminderDue(new DateOnly(2027, 2, 14)));
        Assert.True(campaign.IsReminderDue(new DateOnly(2027, 3, 1)));
        Assert.False(campaign.IsReminderDue(new DateOnly(2027, 3, 2)));
        campaign.MarkReminded(Now);
        Assert.False(campaign.IsReminderDue(new DateOnly(2027, 2, 20)));
    }
}
