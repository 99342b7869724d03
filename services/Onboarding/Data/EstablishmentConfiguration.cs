using Opco.SharedKernel;
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
        establishment.Property(e => e.Name).HasMaxLength(OrganisationFields.NameMaxLength);
        establishment.Property(e => e.Address).HasMaxLength(OrganisationFields.AddressMaxLength);
        establishment.Property(e => e.PostalCode).HasMaxLength(5);
        establishment.Property(e => e.City).HasMaxLength(OrganisationFields.CityMaxLength);
        establishment.HasIndex(e => e.Siren);
        establishment.Ignore(e => e.IsClosed);
        establishment.Ignore(e => e.PostalAddress);
    }
}
