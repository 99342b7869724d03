using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Identity.Domain;

namespace Opco.Identity.Data;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> establishment)
    {
        establishment.ToTable("establishments");
        establishment.HasKey(e => e.Siret);
        establishment.Property(e => e.Siret).HasMaxLength(14);
        establishment.Property(e => e.Siren).HasMaxLength(9);
        establishment.Property(e => e.Name).HasMaxLength(200);
        establishment.Property(e => e.CompanyName).HasMaxLength(200);
        establishment.Property(e => e.Address).HasMaxLength(300);
        establishment.HasIndex(e => e.Siren);
        establishment.Ignore(e => e.IsClosed);
    }
}
