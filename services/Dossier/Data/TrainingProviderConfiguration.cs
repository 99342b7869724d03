using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Api.Lists;
using Opco.Dossier.Domain;
using Opco.SharedKernel;

namespace Opco.Dossier.Data;

internal sealed class TrainingProviderConfiguration : IEntityTypeConfiguration<TrainingProvider>
{
    public const string OnePerSiret = "ix_training_providers_siret";

    public void Configure(EntityTypeBuilder<TrainingProvider> provider)
    {
        provider.ToTable("training_providers");
        provider.HasKey(p => p.Id);
        provider.Property(p => p.Siret).HasMaxLength(14);
        provider.Property(p => p.Nda).HasMaxLength(TrainingProvider.NdaLength);
        provider.Property(p => p.Name).HasMaxLength(OrganisationFields.NameMaxLength).UseCollation(Collations.French);
        provider.Property(p => p.SearchName).HasMaxLength(OrganisationFields.NameMaxLength * 2);
        provider.Property(p => p.Address).HasMaxLength(OrganisationFields.AddressMaxLength);
        provider.Property(p => p.PostalCode).HasMaxLength(5);
        provider.Property(p => p.City).HasMaxLength(OrganisationFields.CityMaxLength);
        provider.Property(p => p.MaskedIban).HasMaxLength(30);
        provider.Property(p => p.Version).IsRowVersion();
        // Pattern operators: the same indexes serve a whole number and the first digits typed.
        provider.HasIndex(p => p.Siret, OnePerSiret).IsUnique().HasOperators("text_pattern_ops");
        provider.HasIndex(p => p.Nda).HasOperators("text_pattern_ops");
        // Names starting with the query, then close spellings (see TrainingProviderSearch).
        provider.HasIndex(p => p.SearchName, "ix_training_providers_search_name_prefix").HasOperators("text_pattern_ops");
        provider.HasIndex(p => p.SearchName, "ix_training_providers_search_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
