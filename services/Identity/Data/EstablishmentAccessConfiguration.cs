using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Identity.Domain;

namespace Opco.Identity.Data;

internal sealed class EstablishmentAccessConfiguration : IEntityTypeConfiguration<EstablishmentAccess>
{
    public void Configure(EntityTypeBuilder<EstablishmentAccess> access)
    {
        access.ToTable("establishment_accesses");
        access.HasKey(a => new { a.UserId, a.Siret });
        access.Property(a => a.Siret).HasMaxLength(14);
        // Stored by name (text[]) so the data stays readable and enum reordering changes nothing.
        access.PrimitiveCollection(a => a.Habilitations).ElementType().HasConversion<string>();
        access.HasIndex(a => a.Siret);
        access.Ignore(a => a.IsManager);
        access.Ignore(a => a.CanManageUsers);
    }
}
