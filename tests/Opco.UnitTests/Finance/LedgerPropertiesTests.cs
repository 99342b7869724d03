using FsCheck;
using FsCheck.Fluent;
using Opco.Finance.Domain;

namespace Opco.UnitTests.Finance;

/// <summary>
/// The ledger's figures under random sequences of what can happen to an account (credits, corrections, commitments,
/// releases), each decided by the domain on the figures the lines so far give: disponible pour engagement never goes
/// below zero, the three figures stay consistent, and the order the lines are summed in does not matter.
/// </summary>
public sealed class LedgerPropertiesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly FundingAccount Account = FundingAccount.Open(FundingKind.CompanyAccount, "732829320", "Plan obligatoire", null, Now);

    /// <summary>One step: its kind (0 credit, 1 correction, 2 commitment, 3 release of an earlier commitment) and an amount in cents.</summary>
    public sealed record Step(int Kind, long Cents, int Pick);

    private static readonly Gen<Step> Steps =
        from kind in Gen.Choose(0, 3)
        from cents in Gen.Choose(-500_000, 1_000_000)
        from pick in Gen.Choose(0, 1000)
        select new Step(kind, cents, pick);

    [Fact]
    public void Random_sequences_never_overdraw_and_keep_the_three_figures_consistent_whatever_the_order()
    {
        Prop.ForAll(Gen.ListOf(Steps).ToArbitrary(), steps =>
        {
            var lines = new List<LedgerEntry>();
            var commitments = new List<LedgerEntry>();
            foreach (var step in steps)
            {
                var figures = Figures(lines);
                var amount = step.Cents / 100m;
                var line = step.Kind switch
                {
                    0 => LedgerEntry.Credit(Account, Math.Abs(amount), LedgerCause.Allocation, "Dotation", Guid.NewGuid(), Now).Entry,
                    1 => LedgerEntry.Adjust(Account, figures, amount, "Correction", Guid.NewGuid(), Now).Entry,
                    2 => figures.Commit(Account, LedgerCause.Dossier, Guid.NewGuid(), "732829320", lines.Count, Math.Abs(amount), binding: false, Now),
                    _ => commitments.Count == 0 ? null
                        : Release(commitments[step.Pick % commitments.Count], lines),
                };
                if (line is null) continue;
                lines.Add(line);
                if (line.Kind == LedgerEntryKind.Commitment) commitments.Add(line);
                var after = Figures(lines);
                if (after.AvailableForCommitment < 0 || after.OpenCommitments < 0) return false;
                if (after.AvailableForPayment != after.AvailableForCommitment + after.OpenCommitments) return false;
            }
            var reversed = Figures(Enumerable.Reverse(lines).ToList());
            return reversed == Figures(lines);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_correction_is_signed_reasoned_and_never_takes_the_account_below_zero()
    {
        var figures = AccountFigures.Of([(LedgerEntryKind.Credit, 1000m), (LedgerEntryKind.Commitment, 600m)]);

        Assert.Equal("Le motif de la correction est obligatoire.", LedgerEntry.Adjust(Account, figures, -10m, " ", Guid.NewGuid(), Now).Errors.ToDictionary()["reason"][0]);
        Assert.True(LedgerEntry.Adjust(Account, figures, 0m, "Erreur", Guid.NewGuid(), Now).Errors.ToDictionary().ContainsKey("amount"));
        Assert.Equal("La correction rendrait le disponible pour engagement négatif : il est de 400,00 €.",
            LedgerEntry.Adjust(Account, figures, -400.01m, "Erreur", Guid.NewGuid(), Now).Errors.ToDictionary()["amount"][0]);
        var down = LedgerEntry.Adjust(Account, figures, -400m, "Versement enregistré deux fois", Guid.NewGuid(), Now).Entry!;

        Assert.Equal((LedgerEntryKind.Adjustment, -400m, LedgerCause.Correction, "732829320"), (down.Kind, down.Amount, down.Cause, down.Siren));
        var after = AccountFigures.Of([(LedgerEntryKind.Credit, 1000m), (LedgerEntryKind.Commitment, 600m), (LedgerEntryKind.Adjustment, -400m)]);
        Assert.Equal((600m, 0m, 600m), (after.Credited, after.AvailableForCommitment, after.AvailableForPayment));
    }

    [Fact]
    public void A_credit_is_an_allocation_or_money_received()
    {
        Assert.Equal(LedgerCause.CashReceipt, LedgerEntry.Credit(Account, 50m, LedgerCause.CashReceipt, "Versement", Guid.NewGuid(), Now).Entry!.Cause);
        Assert.True(LedgerEntry.Credit(Account, 50m, LedgerCause.Dossier, "Versement", Guid.NewGuid(), Now).Errors.ToDictionary().ContainsKey("cause"));
        Assert.Equal([50m, -50m, 50m, -50m, -50m],
            new[] { LedgerEntryKind.Credit, LedgerEntryKind.Commitment, LedgerEntryKind.Release, LedgerEntryKind.Payment, LedgerEntryKind.Adjustment }
                .Select(k => LedgerEntry.Signed(k, k == LedgerEntryKind.Adjustment ? -50m : 50m)));
    }

    private static LedgerEntry? Release(LedgerEntry commitment, List<LedgerEntry> lines) =>
        LedgerEntry.ReleaseOf(commitment, lines.Where(l => l.CauseId == commitment.CauseId), "Annulé", Now);

    private static AccountFigures Figures(IEnumerable<LedgerEntry> lines) => AccountFigures.Of(lines.Select(l => (l.Kind, l.Amount)));
}

public sealed class LedgerClosingTests
{
    [Theory]
    // Two days behind, to the first of that month (UTC): a period closes once no transaction can still write into it.
    [InlineData("2026-12-03T09:00:00Z", "2026-12-01T00:00:00Z")]
    [InlineData("2026-12-02T23:59:00Z", "2026-11-01T00:00:00Z")]
    [InlineData("2027-01-01T00:30:00+01:00", "2026-12-01T00:00:00Z")]
    [InlineData("2027-03-03T00:00:00Z", "2027-03-01T00:00:00Z")]
    public void The_boundary_is_the_first_day_of_the_month_two_days_ago(string now, string boundary) =>
        Assert.Equal(DateTimeOffset.Parse(boundary), LedgerClosing.BoundaryAt(DateTimeOffset.Parse(now)));
}
