using Opco.Finance.Domain.Collecte;

namespace Opco.UnitTests.Finance;

public sealed class VoluntaryContributionTests
{
    private const string Siret = "73282932000074";
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid User = Guid.NewGuid();
    private static readonly ActiveMandate Mandate = new(Guid.NewGuid(), "OPCO-RUM-0000000001");

    private static (VoluntaryContribution? Call, Opco.SharedKernel.FieldErrors Errors) Trigger(decimal? amount, int? instalments, string method,
        ActiveMandate? mandate = null, DateOnly? firstDueOn = null) =>
        VoluntaryContribution.Trigger(Siret, new VoluntaryContributionForm("versement-volontaire", amount, instalments, method, firstDueOn), mandate, 7, User,
            Today, Now);

    [Theory]
    [InlineData(1000, 3, new[] { 333.34, 333.33, 333.33 })]
    [InlineData(0.05, 2, new[] { 0.03, 0.02 })]
    [InlineData(1200, 12, new[] { 100.0, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100 })]
    [InlineData(99.99, 1, new[] { 99.99 })]
    public void Instalments_add_up_to_the_whole_to_the_cent_the_leftover_cents_on_the_first(double amount, int count, double[] expected)
    {
        var split = VoluntaryContribution.Split((decimal)amount, count);

        Assert.Equal(expected.Select(e => (decimal)e), split);
        Assert.Equal((decimal)amount, split.Sum());
    }

    [Fact]
    public void A_transfer_in_three_instalments_is_called_monthly_from_the_first_due_date()
    {
        var (call, _) = Trigger(1000m, 3, "Transfer", firstDueOn: new DateOnly(2027, 1, 31));

        Assert.Equal(("AF-2026-000007", CallStatus.Called, VoluntaryPaymentMethod.Transfer, "732829320"), (call!.Reference, call.Status, call.Method, call.Siren));
        Assert.Equal([new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 31)], call.Instalments.Select(i => i.DueOn));
    }

    [Fact]
    public void A_sepa_debit_needs_an_active_mandate_of_the_company_and_14_days_notice()
    {
        var (refused, errors) = Trigger(500m, 1, "DirectDebit");
        Assert.Null(refused);
        Assert.StartsWith("Un prélèvement SEPA demande un mandat actif", errors.ToDictionary()["method"][0]);

        Assert.True(Trigger(500m, 1, "DirectDebit", Mandate, Today.AddDays(13)).Errors.Has("firstDueOn"));
        var (call, _) = Trigger(500m, 1, "DirectDebit", Mandate);
        Assert.Equal((Mandate.Id, "OPCO-RUM-0000000001", Today.AddDays(14)), (call!.MandateId, call.MandateReference, call.Instalments[0].DueOn));
    }

    [Theory]
    [InlineData(0, 1, "amount")]
    [InlineData(-5, 1, "amount")]
    [InlineData(10.001, 1, "amount")]
    [InlineData(0.02, 3, "amount")]
    [InlineData(100, 13, "instalments")]
    [InlineData(100, 0, "instalments")]
    public void Wrong_amounts_and_instalment_counts_are_refused_on_their_field(double amount, int instalments, string field) =>
        Assert.True(Trigger((decimal)amount, instalments, "Transfer").Errors.Has(field));

    [Fact]
    public void An_unknown_account_or_method_is_refused()
    {
        var (_, errors) = VoluntaryContribution.Trigger(Siret, new VoluntaryContributionForm("compte-inconnu", 10m, 1, "Cheque", null), null, 1, User, Today, Now);

        Assert.True(errors.Has("accountCode") && errors.Has("method"));
    }

    [Fact]
    public void An_instalment_is_cashed_once_and_the_call_is_cashed_when_all_are()
    {
        var call = Trigger(1000m, 2, "Transfer").Call!;
        var (first, second) = (call.Instalments[0], call.Instalments[1]);

        var (cashed, already, errors) = call.RecordCash(first.Id, Today, null, User, Today, Now);
        Assert.Equal((first, false, true, CallStatus.Called), (cashed, already, errors.IsEmpty, call.Status));
        Assert.True(call.RecordCash(first.Id, Today, null, User, Today, Now).AlreadyCashed);
        Assert.True(call.RecordCash(second.Id, Today.AddDays(1), null, User, Today, Now).Errors.Has("cashedOn"));
        Assert.True(call.RecordCash(Guid.NewGuid(), Today, null, User, Today, Now).Errors.Has("instalmentId"));
        call.RecordCash(second.Id, null, null, User, Today, Now);
        Assert.Equal(CallStatus.Cashed, call.Status);
        Assert.Equal("Appel de fonds AF-2026-000007, échéance 2/2", call.LedgerReference(second));
    }

    private static DirectDebitMandate ActiveMandateOf(Func<DirectDebitMandate, bool>? then = null)
    {
        var mandate = DirectDebitMandate.Create(Siret, new MandateForm(null, "FR7630006000011234567890189", "BNPAFRPP", "Atelier Démo SAS", "Claire Martin", Today),
            MandateReference.Of(1), new Opco.Api.Security.AesGcmIbanProtector(new string('k', 40), "opco-finance-iban"), User, Today, Now).Mandate!;
        mandate.Sign(null, null, User, Today, Now);
        mandate.Activate(User, Today, Now);
        then?.Invoke(mandate);
        return mandate;
    }

    [Fact]
    public void A_debit_is_cashed_on_its_active_mandate_and_marks_it_used()
    {
        var mandate = ActiveMandateOf();
        var call = Trigger(500m, 2, "DirectDebit", new ActiveMandate(mandate.Id, mandate.Reference)).Call!;

        var (cashed, _, errors) = call.RecordCash(call.Instalments[0].Id, Today, mandate, User, Today, Now);

        Assert.True(errors.IsEmpty);
        Assert.Equal((CallStatus.Cashed, Today), (cashed!.Status, mandate.LastUsedOn));
    }

    [Fact]
    public void A_debit_on_a_revoked_or_lapsed_mandate_is_refused_cash_and_leaves_the_mandate_unused()
    {
        var revoked = ActiveMandateOf(m => m.Revoke(User, Now));
        var lapsed = ActiveMandateOf(m => m.LapseIfUnused(Today.AddMonths(DirectDebitMandate.LapseMonths), Now));
        foreach (var mandate in new[] { revoked, lapsed })
        {
            var call = Trigger(500m, 2, "DirectDebit", new ActiveMandate(mandate.Id, mandate.Reference)).Call!;

            var (cashed, _, errors) = call.RecordCash(call.Instalments[0].Id, Today, mandate, User, Today, Now);

            Assert.Null(cashed);
            Assert.Equal([$"Le mandat OPCO-RUM-0000000001 est « {MandateLabels.Of(mandate.Status)} » : aucun prélèvement ne peut être encaissé sur lui."],
                errors.ToDictionary()["mandate"]);
            Assert.Equal((CallStatus.Called, CallStatus.Called, null), (call.Instalments[0].Status, call.Status, mandate.LastUsedOn));
        }
        Assert.Equal((MandateStatus.Revoked, MandateStatus.Lapsed), (revoked.Status, lapsed.Status));
    }

    [Fact]
    public void Cancelling_cancels_what_is_not_received_and_a_cancelled_instalment_cannot_be_cashed()
    {
        var call = Trigger(300m, 3, "Transfer").Call!;
        call.RecordCash(call.Instalments[0].Id, Today, null, User, Today, Now);

        Assert.True(call.Cancel(Now));
        Assert.Equal([CallStatus.Cashed, CallStatus.Cancelled, CallStatus.Cancelled], call.Instalments.Select(i => i.Status));
        Assert.True(call.RecordCash(call.Instalments[1].Id, Today, null, User, Today, Now).Errors.Has("instalmentId"));
        Assert.False(call.Cancel(Now));
    }
}
