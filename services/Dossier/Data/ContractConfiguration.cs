using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Dossier.Domain.Contracts;

namespace Opco.Dossier.Data;

internal sealed class ProfessionalisationContractConfiguration : IEntityTypeConfiguration<ProfessionalisationContract>
{
    public void Configure(EntityTypeBuilder<ProfessionalisationContract> contract)
    {
        contract.ToTable("contracts");
        contract.HasKey(c => c.Id);
        contract.Property(c => c.Number).UseIdentityAlwaysColumn();
        contract.HasIndex(c => c.Number).IsUnique();
        contract.Property(c => c.Siret).HasMaxLength(14);
        contract.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        contract.Property(c => c.CreatedByName).HasMaxLength(200);
        // The company's advisor is named by their e-mail until an advisor acts on the contract.
        contract.Property(c => c.HandlerName).HasMaxLength(SharedKernel.EmailAddress.MaxLength);
        contract.Property(c => c.PreviousCommitment).HasPrecision(12, 2);
        contract.Property(c => c.TraineeName).HasMaxLength(300);
        contract.Property(c => c.Public).HasConversion<string>().HasMaxLength(30);
        contract.Property(c => c.TutorName).HasMaxLength(300);
        contract.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        contract.Property(c => c.WeeklyHours).HasPrecision(5, 2);
        contract.Property(c => c.Job).HasMaxLength(ProfessionalisationContract.JobMaxLength);
        contract.Property(c => c.QualificationKind).HasConversion<string>().HasMaxLength(10);
        contract.Property(c => c.QualificationCode).HasMaxLength(ProfessionalisationContract.QualificationCodeMaxLength);
        contract.Property(c => c.TrainingHours).HasPrecision(8, 2);
        contract.Property(c => c.MonthlyGrossPay).HasPrecision(12, 2);
        contract.Property(c => c.CommittedAmount).HasPrecision(12, 2);
        contract.Property(c => c.RefusalReason).HasMaxLength(ProfessionalisationContract.ReasonMaxLength);
        contract.Property(c => c.CommitmentFailure).HasMaxLength(ProfessionalisationContract.ReasonMaxLength);
        contract.Property(c => c.TerminationReason).HasMaxLength(ProfessionalisationContract.ReasonMaxLength);
        // Two changes at once (two tabs, the company and the advisor), or one made on an older screen (If-Match): the second is
        // told instead of undoing the first. PostgreSQL's row version moves with every update of the row.
        contract.Property(c => c.Version).IsRowVersion();
        // "Mes contrats de pro" by establishment; the daily job and the advisors' lists by status; a tutor's load.
        contract.HasIndex(c => new { c.Siret, c.CreatedAt, c.Number });
        contract.HasIndex(c => new { c.Status, c.DecisionDueOn });
        contract.HasIndex(c => c.TutorEmployeeId);
        contract.HasIndex(c => c.AmendsId);
        contract.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Cascade);
        contract.HasMany(c => c.History).WithOne().HasForeignKey(h => h.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractDocumentConfiguration : IEntityTypeConfiguration<ContractDocument>
{
    public void Configure(EntityTypeBuilder<ContractDocument> document)
    {
        document.ToTable("contract_documents");
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        document.Property(d => d.FileName).HasMaxLength(Domain.Dossiers.DossierDocument.FileNameMaxLength);
        document.Property(d => d.ContentType).HasMaxLength(50);
        document.Property(d => d.UploadedByName).HasMaxLength(200);
        document.HasOne<ContractDocumentContent>().WithOne().HasForeignKey<ContractDocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractDocumentContentConfiguration : IEntityTypeConfiguration<ContractDocumentContent>
{
    public void Configure(EntityTypeBuilder<ContractDocumentContent> content)
    {
        content.ToTable("contract_document_contents");
        content.HasKey(c => c.DocumentId);
    }
}

internal sealed class ContractHistoryEntryConfiguration : IEntityTypeConfiguration<ContractHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ContractHistoryEntry> entry)
    {
        entry.ToTable("contract_history");
        entry.HasKey(h => h.Id);
        entry.Property(h => h.ByName).HasMaxLength(200);
        entry.Property(h => h.From).HasConversion<string>().HasMaxLength(30);
        entry.Property(h => h.To).HasConversion<string>().HasMaxLength(30);
        entry.Property(h => h.Reason).HasMaxLength(ProfessionalisationContract.ReasonMaxLength);
    }
}

internal sealed class ContractFundingRulesConfiguration : IEntityTypeConfiguration<ContractFundingRules>
{
    public void Configure(EntityTypeBuilder<ContractFundingRules> rules)
    {
        rules.ToTable("contract_funding_rules");
        rules.HasKey(r => r.Id);
        rules.Property(r => r.Id).ValueGeneratedNever();
        rules.Property(r => r.HourlyForfait).HasPrecision(8, 2);
        rules.Property(r => r.MaxFundedHours).HasPrecision(8, 2);
        rules.Property(r => r.TutorAidPerMonth).HasPrecision(8, 2);
        rules.Property(r => r.SmicHourly).HasPrecision(8, 2);
        rules.Property(r => r.MinWeeklyHours).HasPrecision(5, 2);
        var seed = ContractFundingRules.Default;
        rules.HasData(new
        {
            Id = ContractFundingRules.SingletonId, seed.HourlyForfait, seed.MaxFundedHours, seed.TutorAidPerMonth, seed.TutorAidMonths, seed.SmicHourly,
            seed.MinWeeklyHours,
        });
    }
}
