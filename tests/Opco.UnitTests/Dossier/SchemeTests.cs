using Opco.Dossier.Domain;

namespace Opco.UnitTests.Dossier;

public sealed class SchemeTests
{
    private const string Siret = "73282932000074";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly OfferRule DefiOrSmall = new("DEFi Performance", 10);

    private static Scheme Plan() => Scheme.Seeded("Plan", "Plan de développement des compétences", FundingKind.CompanyAccount, "Plan obligatoire",
        false, DefiOrSmall, DefiOrSmall, new SchemeCeilings(30m, 11.88m, 20m, 90m, 0.3m, 15000m), 1, Now);

    private static Scheme ProA() => Scheme.Seeded("ProA", "Pro-A", FundingKind.PooledSource, "Alternance", false, OfferRule.Everyone, DefiOrSmall,
        new SchemeCeilings(9.15m, 11.88m, null, null, null, null), 4, Now);

    private static MemberCompany Company(int? headcount, string? offer = null) => MemberCompany.Of("732829320", "ATELIER", headcount, offer, "conseiller@opco-demo.fr", Now);

    [Theory]
    [InlineData(1, null, true)]
    [InlineData(10, null, true)]
    [InlineData(11, null, false)]
    [InlineData(250, null, false)]
    [InlineData(250, "DEFi Performance", true)]
    [InlineData(250, "defi performance", true)]
    [InlineData(250, "DEFi Essentiel", false)]
    [InlineData(null, null, false)]
    [InlineData(null, "DEFi Performance", true)]
    public void Plan_is_offered_with_defi_performance_or_fewer_than_11_employees_an_unknown_headcount_counting_as_more(
        int? headcount, string? offer, bool offered)
    {
        Assert.Equal(offered, Plan().OfferTo(Siret, Company(headcount, offer)).Offered);
        Assert.Equal(offered, Plan().DirectPaymentTo(Siret, Company(headcount, offer)).Offered);
    }

    [Fact]
    public void A_scheme_refused_says_the_rule_and_what_the_preferred_establishments_company_has()
    {
        var offer = Plan().OfferTo(Siret, Company(42));

        Assert.False(offer.Offered);
        Assert.Equal("Le dispositif « Plan de développement des compétences » est proposé aux entreprises bénéficiant de l'offre DEFi Performance ou "
                     + "de moins de 11 salariés. L'entreprise de votre établissement préféré (SIRET 73282932000074) a aucune offre de service et 42 salariés.",
            offer.Reason);
        Assert.EndsWith("a aucune offre de service et un effectif non renseigné.", Plan().OfferTo(Siret, Company(null)).Reason);
        Assert.EndsWith("a aucune offre de service et un effectif non renseigné.", Plan().OfferTo(Siret, null).Reason);
    }

    [Fact]
    public void Without_a_preferred_establishment_a_restricted_scheme_is_not_offered_and_the_reason_says_so()
    {
        var offer = Plan().OfferTo(null, null);

        Assert.False(offer.Offered);
        Assert.EndsWith("jugé sur votre établissement préféré : vous n'en avez pas encore choisi.", offer.Reason);
        Assert.True(ProA().OfferTo(null, null).Offered);
    }

    [Fact]
    public void A_scheme_for_everyone_is_offered_while_subrogation_keeps_its_own_rule()
    {
        var scheme = ProA();

        Assert.True(scheme.OfferTo(Siret, Company(500)).Offered);
        var directPayment = scheme.DirectPaymentTo(Siret, Company(500));
        Assert.False(directPayment.Offered);
        Assert.StartsWith("La subrogation de paiement est proposée aux entreprises bénéficiant de l'offre DEFi Performance", directPayment.Reason);
    }

    [Fact]
    public void An_administrator_changes_the_rules_and_ceilings_which_then_apply()
    {
        var scheme = Plan();
        var by = Guid.NewGuid();

        var errors = scheme.Edit(new SchemeForm(" Plan ", true, false, null, 49, null, 49, 35m, 12.02m, 19.5m, 95m, 0.32m, 20000m), by, Now.AddDays(1));

        Assert.True(errors.IsEmpty);
        Assert.Equal("Plan", scheme.Label);
        Assert.True(scheme.OfferTo(Siret, Company(42)).Offered);
        Assert.Equal(35m, scheme.Ceilings.TeachingCostPerHour);
        Assert.Equal((Now.AddDays(1), (Guid?)by), (scheme.UpdatedAt, scheme.UpdatedBy));
    }

    [Fact]
    public void A_wrong_change_gets_french_messages_and_changes_nothing()
    {
        var scheme = Plan();

        var errors = scheme.Edit(new SchemeForm("", null, false, null, -1, null, null, -5m, 11.885m, null, 2_000_000m, null, null), Guid.NewGuid(), Now);

        var messages = errors.ToDictionary();
        Assert.Equal("Le libellé est obligatoire.", messages["label"].Single());
        Assert.Equal("Indiquez si le dispositif est proposé.", messages["isActive"].Single());
        Assert.Equal("L'effectif maximal doit être positif ou nul.", messages["maxHeadcount"].Single());
        Assert.Equal("Le plafond doit être positif ou nul.", messages["teachingCostPerHour"].Single());
        Assert.Equal("Le plafond s'exprime en euros et centimes (deux décimales au plus).", messages["salaryCostPerHour"].Single());
        Assert.Equal("Le plafond ne doit pas dépasser 1 000 000 €.", messages["nightCost"].Single());
        Assert.Equal("Plan de développement des compétences", scheme.Label);
        Assert.Equal(30m, scheme.Ceilings.TeachingCostPerHour);
    }
}
