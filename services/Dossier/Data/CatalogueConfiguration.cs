using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Dossier.Domain;
using Opco.Dossier.Domain.Catalogue;

namespace Opco.Dossier.Data;

internal sealed class CatalogueOfferConfiguration : IEntityTypeConfiguration<CatalogueOffer>
{
    public void Configure(EntityTypeBuilder<CatalogueOffer> offer)
    {
        offer.ToTable("catalogue_offers");
        offer.HasKey(o => o.Id);
        offer.Property(o => o.Title).HasMaxLength(CatalogueOffer.TitleMaxLength);
        offer.Property(o => o.Theme).HasMaxLength(CatalogueOffer.ThemeMaxLength);
        offer.Property(o => o.ProviderName).HasMaxLength(200);
        offer.Property(o => o.ProviderSiret).HasMaxLength(14);
        offer.Property(o => o.Description).HasMaxLength(CatalogueOffer.DescriptionMaxLength);
        offer.Property(o => o.SearchText).HasMaxLength(1000);
        offer.Property(o => o.Hours).HasPrecision(8, 2);
        offer.Property(o => o.Price).HasPrecision(12, 2);
        offer.Property(o => o.CoveredAmount).HasPrecision(12, 2);
        offer.Property(o => o.Nature).HasConversion<string>().HasMaxLength(30);
        offer.Property(o => o.Modality).HasConversion<string>().HasMaxLength(20);
        offer.HasOne<TrainingProvider>().WithMany().HasForeignKey(o => o.TrainingProviderId).OnDelete(DeleteBehavior.Restrict);
        offer.HasMany(o => o.Sessions).WithOne().HasForeignKey(s => s.OfferId).OnDelete(DeleteBehavior.Cascade);
        offer.HasIndex(o => new { o.IsPublished, o.Theme });
        // Words of the title, theme and provider, typo tolerant (see CatalogueSearch).
        offer.HasIndex(o => o.SearchText, "ix_catalogue_offers_search_text_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        // Two administrators editing at once: the second is told instead of undoing the first.
        offer.Property(o => o.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class CatalogueSessionConfiguration : IEntityTypeConfiguration<CatalogueSession>
{
    public void Configure(EntityTypeBuilder<CatalogueSession> session)
    {
        session.ToTable("catalogue_sessions");
        session.HasKey(s => s.Id);
        // Made by the offer: a new one found in its list is inserted.
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.Place).HasMaxLength(CatalogueSession.PlaceMaxLength);
        session.Property(s => s.Region).HasMaxLength(60);
        // Sessions within a period, in a region.
        session.HasIndex(s => new { s.StartDate, s.Region });
        session.HasIndex(s => s.OfferId);
    }
}
