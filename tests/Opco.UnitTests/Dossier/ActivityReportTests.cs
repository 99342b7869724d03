using Opco.Dossier.Domain;
using Opco.Dossier.Domain.Activity;
using Opco.SharedKernel.Documents;

namespace Opco.UnitTests.Dossier;

/// <summary>The activity reports' arithmetic: shares by hours exact to the cent, Paris months, and views that sum to the same totals.</summary>
public sealed class ActivityReportTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a"), B = new("00000000-0000-0000-0000-00000000000b"),
        C = new("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void An_amount_is_shared_by_hours_to_the_cent_the_leftover_cent_to_the_first_of_equal_fractions()
    {
        // 100 € over three equal trainees: 33,33 each floored, the cent left over to the first (ties in order).
        var shares = Apportionment.Split(100m, [(A, 7m), (B, 7m), (C, 7m)]);

        Assert.Equal([(A, 33.34m), (B, 33.33m), (C, 33.33m)], shares);
    }

    [Fact]
    public void A_few_cents_over_many_trainees_never_give_anyone_a_negative_share()
    {
        // 0,05 € over 10 equal trainees: the first five get a cent, the others nothing (rounding each gave 0,01 to nine and −0,04 to the last).
        var parts = Enumerable.Range(0, 10).Select(i => (i, 7m)).ToList();

        var shares = Apportionment.Split(0.05m, parts);

        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => (i, i < 5 ? 0.01m : 0m))], shares);
    }

    [Fact]
    public void The_leftover_cents_go_to_the_largest_fractions()
    {
        // 10 € for 1 h, 1 h, 4 h: exact 1,666…, 1,666…, 6,666…; floored 1,66 + 1,66 + 6,66 = 9,98; the two cents to the
        // fractions 0,666… (all equal) in order: A and B.
        Assert.Equal([(A, 1.67m), (B, 1.67m), (C, 6.66m)], Apportionment.Split(10m, [(A, 1m), (B, 1m), (C, 4m)]));
        // 1 € for 1 h, 2 h: exact 0,333… and 0,666…; floored 0,33 + 0,66; the cent to the larger fraction, B's.
        Assert.Equal([(A, 0.33m), (B, 0.67m)], Apportionment.Split(1m, [(A, 1m), (B, 2m)]));
    }

    [Fact]
    public void Shares_follow_the_hours_a_tied_leftover_cent_to_the_first()
    {
        // 350 € for 14 h and 21 h: 140 and 210; 0,05 € for 1 h and 1 h: 0,02 each floored, the cent left to the first.
        Assert.Equal([(A, 140m), (B, 210m)], Apportionment.Split(350m, [(A, 14m), (B, 21m)]));
        Assert.Equal([(A, 0.03m), (B, 0.02m)], Apportionment.Split(0.05m, [(A, 1m), (B, 1m)]));
    }

    [Theory]
    [InlineData(1234.57, new[] { 3.5, 7.25, 11, 0.5 })]
    [InlineData(0.01, new[] { 1.0, 1, 1 })]
    [InlineData(99999.99, new[] { 13.0, 17, 19, 23, 29, 31, 37 })]
    [InlineData(400, new[] { 14.0 })]
    public void The_shares_always_sum_to_the_amount_exactly_each_to_the_cent(double amount, double[] hours)
    {
        var parts = hours.Select((h, i) => (i, (decimal)h)).ToList();

        var shares = Apportionment.Split((decimal)amount, parts);

        Assert.Equal((decimal)amount, shares.Sum(s => s.Amount));
        Assert.All(shares, s => Assert.Equal(decimal.Round(s.Amount, 2), s.Amount));
        Assert.Equal(parts.Select(p => p.i), shares.Select(s => s.Key));
    }

    [Fact]
    public void Nobody_to_share_with_gives_no_share()
    {
        Assert.Empty(Apportionment.Split(10m, Array.Empty<(Guid, decimal)>()));
    }

    [Theory]
    // 31 January 23:30 UTC is 1 February 00:30 in Paris (winter, UTC+1): February's.
    [InlineData("2026-01-31T23:30:00+00:00", 2026, 2)]
    [InlineData("2026-01-31T22:59:59+00:00", 2026, 1)]
    // 31 July 22:30 UTC is 1 August 00:30 in Paris (summer, UTC+2).
    [InlineData("2026-07-31T22:30:00+00:00", 2026, 8)]
    [InlineData("2026-07-31T21:30:00+00:00", 2026, 7)]
    // New Year's Eve 23:15 UTC is already next year in Paris.
    [InlineData("2026-12-31T23:15:00+00:00", 2027, 1)]
    public void A_moment_counts_in_the_month_it_was_in_Paris(string moment, int year, int month)
    {
        var day = ActivityReport.DayOf(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((year, month), (day.Year, day.Month));
    }

    [Fact]
    public void A_year_s_report_buckets_by_month_scheme_and_employee_and_every_view_sums_to_the_totals()
    {
        var plan = Guid.NewGuid();
        var proA = Guid.NewGuid();
        var other = Guid.NewGuid();
        var commitmentInParisFebruary = ActivityReport.DayOf(new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero));
        ActivityFlow[] flows =
        [
            new(plan, "73282932000074", "Plan", FlowKind.Committed, commitmentInParisFebruary, 1000m),
            new(plan, "73282932000074", "Plan", FlowKind.Paid, new DateOnly(2026, 3, 10), 400m),
            new(proA, "73282932000074", "Pro-A", FlowKind.Committed, new DateOnly(2026, 3, 2), 100m),
            new(proA, "73282932000074", "Pro-A", FlowKind.Released, new DateOnly(2026, 4, 2), 100m),
            // Another year's movements are left out.
            new(other, "73282932000074", "Plan", FlowKind.Committed, new DateOnly(2025, 12, 31), 5000m),
            new(other, "73282932000074", "Plan", FlowKind.Paid, new DateOnly(2027, 1, 1), 5000m),
        ];
        ActivityTrainee[] trainees = [new(plan, A, 7m), new(plan, B, 7m), new(plan, C, 7m), new(proA, A, 10m), new(other, A, 1m)];

        var report = ActivityReport.Build(2026, flows, trainees);

        Assert.Equal(12, report.Months.Count);
        Assert.Equal(new ActivityAmounts(1000m, 0m, 0m), report.Months[1].Amounts);
        Assert.Equal(new ActivityAmounts(100m, 0m, 400m), report.Months[2].Amounts);
        Assert.Equal(new ActivityAmounts(0m, 100m, 0m), report.Months[3].Amounts);
        Assert.Equal(new ActivityAmounts(1100m, 100m, 400m), report.Totals);
        Assert.Equal(1000m, report.Totals.NetCommitted);
        Assert.Equal([("Plan", new ActivityAmounts(1000m, 0m, 400m)), ("Pro-A", new ActivityAmounts(100m, 100m, 0m))],
            report.Schemes.Select(s => (s.Scheme, s.Amounts)));
        // Plan's 1 000 € and 400 € over three trainees of 7 h: 333,34 / 333,33 / 333,33 and 133,34 / 133,33 / 133,33 (the cent to the first).
        Assert.Equal([(A, new ActivityAmounts(433.34m, 100m, 133.34m)), (B, new ActivityAmounts(333.33m, 0m, 133.33m)),
                (C, new ActivityAmounts(333.33m, 0m, 133.33m))],
            report.Employees.Select(e => (e.EmployeeId!.Value, e.Amounts)));
        Assert.Equal(report.Totals, Sum(report.Months.Select(m => m.Amounts)));
        Assert.Equal(report.Totals, Sum(report.Schemes.Select(s => s.Amounts)));
        Assert.Equal(report.Totals, Sum(report.Employees.Select(e => e.Amounts)));
    }

    [Fact]
    public void Money_of_a_dossier_without_trainees_stays_in_the_totals_on_a_line_of_its_own()
    {
        var dossier = Guid.NewGuid();

        var report = ActivityReport.Build(2026, [new(dossier, "73282932000074", "Plan", FlowKind.Committed, new DateOnly(2026, 5, 5), 250m)], []);

        var line = Assert.Single(report.Employees);
        Assert.Equal((null, 250m), (line.EmployeeId, line.Amounts.Committed));
    }

    [Fact]
    public void Only_a_company_with_the_offer_DEFi_Performance_may_ask_for_its_reporting_and_a_year_in_range()
    {
        var now = DateTimeOffset.UtcNow;
        var performance = MemberCompany.Of("732829320", "ATELIER", 50, "DEFi Performance", null, now);
        var essentiel = MemberCompany.Of("732829320", "ATELIER", 50, "DEFi Essentiel", null, now);

        var (job, errors) = DefiReportJob.Request(performance, 2026, ["73282932000074"], Guid.NewGuid(), now);
        var (refused, why) = DefiReportJob.Request(essentiel, 2026, ["73282932000074"], Guid.NewGuid(), now);
        var (_, badYear) = DefiReportJob.Request(performance, 1999, ["73282932000074"], Guid.NewGuid(), now);

        Assert.True(errors.IsEmpty);
        Assert.Equal((DefiReportStatus.Requested, "Demandé"), (job!.Status, DefiReportJob.Label(job.Status)));
        Assert.Null(refused);
        Assert.Equal("Les reportings sont réservés aux entreprises bénéficiant de l'offre DEFi Performance.", why.ToDictionary()["siren"][0]);
        Assert.True(badYear.Has("year"));
    }

    [Fact]
    public void A_job_left_running_is_taken_again_once_its_lease_ran_out_and_fails_after_the_last_attempt()
    {
        var now = DateTimeOffset.UtcNow;
        var (job, _) = DefiReportJob.Request(MemberCompany.Of("732829320", "ATELIER", 50, "DEFi Performance", null, now), 2026, ["73282932000074"],
            Guid.NewGuid(), now);

        Assert.True(job!.Claim(now));
        // Its worker stopped: held until the lease runs out, then taken again.
        Assert.False(job.Claim(now + DefiReportJob.Lease / 2));
        Assert.True(job.Claim(now + DefiReportJob.Lease * 2));
        Assert.Equal((DefiReportStatus.InProgress, 2), (job.Status, job.Attempts));
        job.Retry("erreur", now);
        Assert.Equal(DefiReportStatus.Requested, job.Status);
        Assert.True(job.Claim(now + DefiReportJob.RetryPause * 2));
        job.Retry("erreur", now);
        Assert.Equal((DefiReportStatus.Failed, "Échec"), (job.Status, DefiReportJob.Label(job.Status)));
        Assert.False(job.Claim(now + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_failed_job_is_tried_again_only_after_a_pause_growing_with_its_attempts()
    {
        var t0 = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var (job, _) = DefiReportJob.Request(MemberCompany.Of("732829320", "ATELIER", 50, "DEFi Performance", null, t0), 2026, ["73282932000074"],
            Guid.NewGuid(), t0);
        Assert.True(job!.Claim(t0));

        job.Retry("erreur", t0);

        // First failure: 30 s before the second attempt (the worker's very next poll would have taken it at once).
        Assert.Equal((DefiReportStatus.Requested, t0.AddSeconds(30)), (job.Status, job.LeaseUntil));
        Assert.False(job.Claim(t0.AddSeconds(29)));
        Assert.True(job.Claim(t0.AddSeconds(30)));
        var t1 = t0.AddSeconds(31);
        job.Retry("erreur", t1);
        // Second failure: 60 s before the third and last attempt.
        Assert.False(job.Claim(t1.AddSeconds(59)));
        Assert.True(job.Claim(t1.AddSeconds(60)));
        Assert.Equal(3, job.Attempts);
        job.Retry("erreur", t1.AddSeconds(61));
        Assert.Equal(DefiReportStatus.Failed, job.Status);
    }

    [Fact]
    public void A_long_statement_runs_on_several_pages_each_listed_in_the_page_tree()
    {
        var pdf = new SimplePdf().Title("Reporting");
        for (var i = 0; i < 150; i++) pdf.Columns([$"Ligne {i}", "1,00 €", "2,00 €"]);

        var text = System.Text.Encoding.Latin1.GetString(pdf.Build());

        Assert.StartsWith("%PDF-1.4", text);
        Assert.Contains("/Count 3", text);
        Assert.Equal(3, text.Split("/Type /Page /Parent").Length - 1);
        Assert.Contains("(Ligne 149) Tj", text);
        // A letter stays one page.
        Assert.Contains("/Count 1", System.Text.Encoding.Latin1.GetString(new SimplePdf().Title("Accord").Text("Une ligne").Build()));
    }

    private static ActivityAmounts Sum(IEnumerable<ActivityAmounts> amounts) =>
        amounts.Aggregate(ActivityAmounts.Zero, (sum, a) => new ActivityAmounts(sum.Committed + a.Committed, sum.Released + a.Released, sum.Paid + a.Paid));
}
