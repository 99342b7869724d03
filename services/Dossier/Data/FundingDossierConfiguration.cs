using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using Opco.Dossier.Domain.Dossiers;

namespace Opco.Dossier.Data;

internal sealed class FundingDossierConfiguration : IEntityTypeConfiguration<FundingDossier>
{
    /// <summary>The words of the title, as a text-search vector the database keeps (a shadow column: not the domain's business).</summary>
    public const string TitleWords = "TitleWords";
    /// <summary>No language: words are only lower-cased, so a word start typed is a word start found.</summary>
    public const string TitleWordsConfiguration = "simple";

    public void Configure(EntityTypeBuilder<FundingDossier> dossier)
    {
        dossier.ToTable("dossiers");
        dossier.HasKey(d => d.Id);
        dossier.Property(d => d.Number).UseIdentityAlwaysColumn();
        dossier.HasIndex(d => d.Number).IsUnique();
        dossier.Property(d => d.Siret).HasMaxLength(14);
        dossier.Property(d => d.Status).HasConversion<string>().HasMaxLength(30);
        dossier.Property(d => d.CreatedByName).HasMaxLength(200);
        // The company's advisor is named by their e-mail until an advisor acts on the dossier.
        dossier.Property(d => d.HandlerName).HasMaxLength(SharedKernel.EmailAddress.MaxLength);
        dossier.Property(d => d.SchemeCode).HasMaxLength(40);
        dossier.Property(d => d.Title).HasMaxLength(FundingDossier.TitleMaxLength);
        dossier.Property(d => d.Nature).HasConversion<string>().HasMaxLength(30);
        dossier.Property(d => d.Modality).HasConversion<string>().HasMaxLength(30);
        dossier.Property(d => d.CertificationCode).HasMaxLength(FundingDossier.CertificationCodeMaxLength);
        dossier.Property(d => d.Place).HasMaxLength(FundingDossier.PlaceMaxLength);
        dossier.Property(d => d.Hours).HasPrecision(8, 2);
        dossier.Property(d => d.TeachingCost).HasPrecision(12, 2);
        dossier.Property(d => d.RequestedAmount).HasPrecision(12, 2);
        dossier.Property(d => d.GrantedAmount).HasPrecision(12, 2);
        dossier.Property(d => d.SettlementRelease).HasPrecision(12, 2);
        dossier.Property(d => d.RefusalReason).HasMaxLength(FundingDossier.ReasonMaxLength);
        dossier.Property(d => d.RequestedDocuments).HasMaxLength(FundingDossier.ReasonMaxLength);
        dossier.Property(d => d.CommitmentFailure).HasMaxLength(FundingDossier.ReasonMaxLength);
        // Two changes at once (two tabs, the company and the advisor), or one made on an older screen (If-Match): the second is
        // told instead of undoing the first. PostgreSQL's row version moves with every update of the row.
        dossier.Property(d => d.Version).IsRowVersion();
        // "Mes dossiers": an establishment's page in the order of each sortable column, then the number (the list's
        // tie-breaker, in the sort's direction), read from an index instead of sorting every dossier of the establishment;
        // newest first within a status. The nightly run and the advisors' lists: by status.
        dossier.HasIndex(d => new { d.Siret, d.Number });
        dossier.HasIndex(d => new { d.Siret, d.CreatedAt, d.Number });
        dossier.HasIndex(d => new { d.Siret, d.UpdatedAt, d.Number });
        dossier.HasIndex(d => new { d.Siret, d.Status, d.Number });
        dossier.HasIndex(d => new { d.Siret, d.Status, d.CreatedAt, d.Number });
        dossier.HasIndex(d => new { d.Siret, d.SchemeCode, d.Number });
        dossier.HasIndex(d => new { d.Siret, d.Title, d.Number });
        dossier.HasIndex(d => new { d.Siret, d.StartDate, d.Number });
        dossier.HasIndex(d => new { d.Siret, d.RequestedAmount, d.Number });
        dossier.HasIndex(d => new { d.Siret, d.GrantedAmount, d.Number });
        // The search by words of the title: a GIN index finds the dossiers, and a count of them reads no row of an
        // all-visible page (a trigram index of the title must recheck every row it finds: 22 ms for 10,000 matches).
        dossier.Property<NpgsqlTsVector>(TitleWords)
            .HasComputedColumnSql($"to_tsvector('{TitleWordsConfiguration}', coalesce(\"Title\", ''))", stored: true);
        dossier.HasIndex(TitleWords).HasMethod("gin");
        dossier.HasIndex(d => new { d.Status, d.TransmittedAt });

        dossier.HasMany(d => d.Trainees).WithOne().HasForeignKey(t => t.DossierId).OnDelete(DeleteBehavior.Cascade);
        dossier.HasMany(d => d.IncidentalCosts).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
        dossier.HasMany(d => d.Documents).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
        dossier.HasMany(d => d.History).WithOne().HasForeignKey(h => h.DossierId).OnDelete(DeleteBehavior.Cascade);
        dossier.HasMany(d => d.Comments).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierCountConfiguration : IEntityTypeConfiguration<DossierCount>
{
    public void Configure(EntityTypeBuilder<DossierCount> count)
    {
        count.ToTable("dossier_counts");
        count.HasKey(c => new { c.Siret, c.Status });
        count.Property(c => c.Siret).HasMaxLength(14);
        count.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class DossierTraineeConfiguration : IEntityTypeConfiguration<DossierTrainee>
{
    public void Configure(EntityTypeBuilder<DossierTrainee> trainee)
    {
        trainee.ToTable("dossier_trainees");
        trainee.HasKey(t => t.Id);
        trainee.Property(t => t.Hours).HasPrecision(8, 2);
        trainee.Property(t => t.HoursOutsideWorkingTime).HasPrecision(8, 2);
        trainee.HasIndex(t => t.EmployeeId);
    }
}

internal sealed class DossierIncidentalCostConfiguration : IEntityTypeConfiguration<DossierIncidentalCost>
{
    public void Configure(EntityTypeBuilder<DossierIncidentalCost> cost)
    {
        cost.ToTable("dossier_incidental_costs");
        cost.HasKey(c => c.Id);
        cost.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        cost.Property(c => c.Quantity).HasPrecision(10, 2);
        cost.Property(c => c.UnitAmount).HasPrecision(12, 2);
    }
}

internal sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> document)
    {
        document.ToTable("dossier_documents");
        document.HasKey(d => d.Id);
        // Created with its id (a version 7 GUID) and added through the dossier: EF must insert it, not take it for an existing row.
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        document.Property(d => d.FileName).HasMaxLength(DossierDocument.FileNameMaxLength);
        document.Property(d => d.ContentType).HasMaxLength(50);
        document.Property(d => d.UploadedByName).HasMaxLength(200);
        document.HasOne<DossierDocumentContent>().WithOne().HasForeignKey<DossierDocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierDocumentContentConfiguration : IEntityTypeConfiguration<DossierDocumentContent>
{
    public void Configure(EntityTypeBuilder<DossierDocumentContent> content)
    {
        content.ToTable("dossier_document_contents");
        content.HasKey(c => c.DocumentId);
    }
}

internal sealed class DossierHistoryEntryConfiguration : IEntityTypeConfiguration<DossierHistoryEntry>
{
    public void Configure(EntityTypeBuilder<DossierHistoryEntry> entry)
    {
        entry.ToTable("dossier_history");
        entry.HasKey(h => h.Id);
        entry.Property(h => h.ByName).HasMaxLength(200);
        entry.Property(h => h.From).HasConversion<string>().HasMaxLength(30);
        entry.Property(h => h.To).HasConversion<string>().HasMaxLength(30);
        entry.Property(h => h.Reason).HasMaxLength(FundingDossier.ReasonMaxLength);
    }
}

internal sealed class DossierCommentConfiguration : IEntityTypeConfiguration<DossierComment>
{
    public void Configure(EntityTypeBuilder<DossierComment> comment)
    {
        comment.ToTable("dossier_comments");
        comment.HasKey(c => c.Id);
        comment.Property(c => c.AuthorName).HasMaxLength(200);
        comment.Property(c => c.Text).HasMaxLength(DossierComment.MaxLength);
    }
}
