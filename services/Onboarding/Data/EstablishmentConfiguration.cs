using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Data;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> establishment)
    {
        establishment.ToTable("establishments");
        establishment.HasKey(e => e.Siret);
        establishment.Property(e => e.Siret).HasMaxLength(14);
        establishment.Property(e => e.Siren).HasMaxLength(9);
        establishment.Property(e => e.Name).HasMaxLength(RegistryFields.NameMaxLength);
        establishment.Property(e => e.Address).HasMaxLength(RegistryFields.AddressMaxLength);
        establishment.Property(e => e.PostalCode).HasMaxLength(5);
        establishment.Property(e => e.City).HasMaxLength(RegistryFields.CityMaxLength);
        establishment.HasIndex(e => e.Siren);
        establishment.Ignore(e => e.IsClosed);
        establishment.Ignore(e => e.PostalAddress);
    }
}
