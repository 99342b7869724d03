using Opco.Web.Api;
using Opco.Web.Domain;

namespace Opco.Web.Tests;

/// <summary>The contracts' statuses wear the dossiers' badges, the decision's deadline shows while it runs, the minimum pay reads in French.</summary>
public sealed class ContractLabelsTests
{
    [Theory]
    [InlineData("Draft", "status status-draft")]
    [InlineData("Transmitted", "status status-transmissionrequested")]
    [InlineData("UnderReview", "status status-underreview")]
    [InlineData("AcceptancePending", "status status-underreview")]
    [InlineData("Accepted", "status status-accepted")]
    [InlineData("InProgress", "status status-completed")]
    [InlineData("Finished", "status status-settled")]
    [InlineData("Refused", "status status-refused")]
    [InlineData("Terminated", "status status-cancelled")]
    public void Each_status_wears_the_badge_of_the_dossier_status_it_resembles(string status, string badge) =>
        Assert.Equal(badge, ContractLabels.Badge(status));

    [Fact]
    public void The_decision_is_awaited_while_transmitted_or_under_review_only()
    {
        var due = new DateOnly(2027, 3, 22);

        Assert.Equal("Décision attendue avant le 22/03/2027",
            ContractLabels.DecisionDue(ContractSamples.View("Transmitted") with { DecisionDueOn = due, DecisionDueText = "Décision attendue avant le 22/03/2027" }));
        Assert.Equal("Décision attendue avant le 22/03/2027", ContractLabels.DecisionDue(ContractSamples.View("UnderReview") with { DecisionDueOn = due }));
        Assert.Null(ContractLabels.DecisionDue(ContractSamples.View("Accepted") with { DecisionDueOn = due, DecisionDueText = "Décision attendue avant le 22/03/2027" }));
        Assert.Null(ContractLabels.DecisionDue(ContractSamples.View("Draft")));
    }

    [Fact]
    public void Rupture_and_avenant_are_for_a_contract_taken_in_charge()
    {
        Assert.Equal(["Accepted", "InProgress"],
            ContractLabels.Statuses.Select(s => s.Code).Append("AcceptancePending").Where(ContractLabels.IsRunning));
    }

    [Fact]
    public void The_minimum_pay_says_the_share_of_the_smic_for_the_age_and_the_monthly_amount()
    {
        Assert.Equal("55 % du SMIC à 19 ans, soit au moins 992,76 € bruts par mois", ContractLabels.MinimumPay(new ContractPay(19, 0.55m, 992.76m)));
        // The thousands separator is the culture's (a narrow no-break space).
        Assert.Equal($"100 % du SMIC à 30 ans, soit au moins {Labels.Euros(1801.80m)} bruts par mois", ContractLabels.MinimumPay(new ContractPay(30, 1.00m, 1801.80m)));
    }

    [Fact]
    public void An_avenant_names_the_contract_it_amends() =>
        Assert.Equal(("Avenant au contrat n° 12", "Contrat initial"), (ContractLabels.Type("Avenant", 12), ContractLabels.Type("Contrat initial", null)));
}
