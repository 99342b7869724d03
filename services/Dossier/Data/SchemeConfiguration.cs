using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Dossier.Domain;

namespace Opco.Dossier.Data;

internal sealed class SchemeConfiguration : IEntityTypeConfiguration<Scheme>
{
    public void Configure(EntityTypeBuilder<Scheme> scheme)
    {
        scheme.ToTable("schemes");
        scheme.HasKey(s => s.Code);
        scheme.Property(s => s.Code).HasMaxLength(40);
        scheme.Property(s => s.Label).HasMaxLength(Scheme.LabelMaxLength);
        scheme.Property(s => s.FundingKind).HasConversion<string>().HasMaxLength(20);
        scheme.Property(s => s.FundingSource).HasMaxLength(60);
        scheme.ComplexProperty(s => s.Eligibility, rule =>
        {
            rule.Property(r => r.RequiredOffer).HasColumnName("EligibilityRequiredOffer").HasMaxLength(100);
            rule.Property(r => r.MaxHeadcount).HasColumnName("EligibilityMaxHeadcount");
        });
        scheme.ComplexProperty(s => s.DirectPayment, rule =>
        {
            rule.Property(r => r.RequiredOffer).HasColumnName("DirectPaymentRequiredOffer").HasMaxLength(100);
            rule.Property(r => r.MaxHeadcount).HasColumnName("DirectPaymentMaxHeadcount");
        });
        scheme.ComplexProperty(s => s.Ceilings, ceilings =>
        {
            ceilings.Property(c => c.TeachingCostPerHour).HasColumnName("TeachingCostPerHour").HasPrecision(12, 2);
            ceilings.Property(c => c.SalaryCostPerHour).HasColumnName("SalaryCostPerHour").HasPrecision(12, 2);
            ceilings.Property(c => c.MealCost).HasColumnName("MealCost").HasPrecision(12, 2);
            ceilings.Property(c => c.NightCost).HasColumnName("NightCost").HasPrecision(12, 2);
            ceilings.Property(c => c.CostPerKm).HasColumnName("CostPerKm").HasPrecision(12, 2);
            ceilings.Property(c => c.MaxPerAction).HasColumnName("MaxPerAction").HasPrecision(12, 2);
        });
        // Two administrators editing at once: the second is told instead of undoing the first.
        scheme.Property(s => s.UpdatedAt).IsConcurrencyToken();
    }
}
