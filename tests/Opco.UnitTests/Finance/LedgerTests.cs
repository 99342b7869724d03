using Opco.Contracts.Finance;
using Opco.Finance.Domain;

namespace Opco.UnitTests.Finance;

public sealed class LedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly FundingAccount Account = FundingAccount.Open(FundingKind.CompanyAccount, "732829320", "Plan obligatoire", null, Now);

    [Fact]
    public void Figures_come_from_the_entries_available_for_commitment_being_credited_minus_paid_minus_open_commitments()
    {
        var figures = AccountFigures.Of([(LedgerEntryKind.Credit, 1000m), (LedgerEntryKind.Credit, 500m), (LedgerEntryKind.Commitment, 600m),
            (LedgerEntryKind.Release, 100m), (LedgerEntryKind.Payment, 200m)]);

        Assert.Equal(300m, figures.OpenCommitments);
        Assert.Equal(1000m, figures.AvailableForCommitment);
        Assert.Equal(1300m, figures.AvailableForPayment);
    }

    [Fact]
    public void A_commitment_is_recorded_only_when_it_fits_to_the_cent()
    {
        var figures = AccountFigures.Of([(LedgerEntryKind.Credit, 300m)]);

        Assert.Null(figures.Commit(Account, LedgerCause.Dossier, Guid.NewGuid(), "732829320", 42, 300.01m, binding: false, Now));
        var entry = figures.Commit(Account, AccountFigures.CauseOf(CommitmentCauses.Dossier), Guid.NewGuid(), "732829320", 42, 300m, binding: false, Now);
        Assert.NotNull(entry);
        Assert.Equal((LedgerEntryKind.Commitment, 300m, "Dossier n° 42"), (entry.Kind, entry.Amount, entry.Reference));
    }

    [Fact]
    public void A_binding_commitment_is_recorded_beyond_what_is_available_and_overdraws_the_account()
    {
        var figures = AccountFigures.Of([(LedgerEntryKind.Credit, 300m)]);

        var entry = figures.Commit(Account, AccountFigures.CauseOf(CommitmentCauses.Contract), Guid.NewGuid(), "732829320", 7, 1_752.60m, binding: true, Now);

        Assert.Equal((LedgerEntryKind.Commitment, 1_752.60m, "Contrat de pro n° 7"), (entry!.Kind, entry.Amount, entry.Reference));
        Assert.Equal(-1_452.60m, AccountFigures.Of([(LedgerEntryKind.Credit, 300m), (LedgerEntryKind.Commitment, 1_752.60m)]).AvailableForCommitment);
        Assert.Null(figures.Commit(Account, LedgerCause.ProfessionalisationContract, Guid.NewGuid(), "732829320", 8, 0m, binding: true, Now));
    }

    [Fact]
    public void A_credit_needs_a_positive_amount_in_cents_and_its_origin()
    {
        var (entry, errors) = LedgerEntry.Credit(Account, 10.005m, LedgerCause.Allocation, " ", Guid.NewGuid(), Now);

        Assert.Null(entry);
        Assert.Equal(["amount", "reference"], errors.ToDictionary().Keys);
        Assert.Equal("company:732829320:Plan obligatoire", Account.Key);
        Assert.Equal("pooled:Alternance:2027", FundingAccount.KeyOf(FundingKind.PooledSource, null, "Alternance", 2027));
    }

    [Fact]
    public void A_cancelled_dossier_releases_what_its_commitment_still_holds_once()
    {
        var dossier = Guid.NewGuid();
        var commitment = AccountFigures.Of([(LedgerEntryKind.Credit, 1000m)]).Commit(Account, LedgerCause.Dossier, dossier, "732829320", 7, 400m, binding: false, Now)!;

        var release = LedgerEntry.ReleaseOf(commitment, [commitment], "Dossier n° 7 annulé", Now);

        Assert.Equal((LedgerEntryKind.Release, 400m, (Guid?)dossier), (release!.Kind, release.Amount, release.CauseId));
        Assert.Null(LedgerEntry.ReleaseOf(commitment, [commitment, release], "Dossier n° 7 annulé", Now));
        var figures = AccountFigures.Of([(LedgerEntryKind.Credit, 1000m), (LedgerEntryKind.Commitment, 400m), (LedgerEntryKind.Release, 400m)]);
        Assert.Equal((0m, 1000m), (figures.OpenCommitments, figures.AvailableForCommitment));
    }
}
