using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Notification.Domain;

namespace Opco.Notification.Data;

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> news)
    {
        news.ToTable("news");
        news.HasKey(n => n.Id);
        news.Property(n => n.Title).HasMaxLength(NewsItem.TitleMaxLength);
        news.Property(n => n.Summary).HasMaxLength(NewsItem.SummaryMaxLength);
        news.Property(n => n.Body).HasMaxLength(NewsItem.BodyMaxLength);
        news.Property(n => n.TargetOffer).HasMaxLength(NewsItem.OfferMaxLength);
        news.Ignore(n => n.IsPublished);
        news.Property(n => n.Version).IsRowVersion();
        // Readers' lists: published ones, newest first.
        news.HasIndex(n => new { n.PublishedAt, n.Id }).HasFilter("\"PublishedAt\" IS NOT NULL").IsDescending();
    }
}

/// <summary>A copy written with plain SQL upserts (hence snake_case, like the rights copy).</summary>
internal sealed class CompanyOfferConfiguration : IEntityTypeConfiguration<CompanyOffer>
{
    public void Configure(EntityTypeBuilder<CompanyOffer> company)
    {
        company.ToTable("company_offers");
        company.HasKey(c => c.Siren);
        company.Property(c => c.Siren).HasColumnName("siren").HasMaxLength(9);
        company.Property(c => c.ServiceOffer).HasColumnName("service_offer").HasMaxLength(100);
        company.Property(c => c.UpdatedAt).HasColumnName("updated_at");
    }
}
