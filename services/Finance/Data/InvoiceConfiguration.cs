using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Finance.Domain.Invoices;
using Opco.SharedKernel.Documents;

namespace Opco.Finance.Data;

internal sealed class FundedDossierConfiguration : IEntityTypeConfiguration<FundedDossier>
{
    public void Configure(EntityTypeBuilder<FundedDossier> dossier)
    {
        dossier.ToTable("funded_dossiers");
        dossier.HasKey(d => d.Id);
        dossier.Property(d => d.Id).ValueGeneratedNever();
        dossier.Property(d => d.Siret).HasMaxLength(14);
        dossier.Property(d => d.Siren).HasMaxLength(9);
        dossier.Property(d => d.SchemeCode).HasMaxLength(40);
        dossier.Property(d => d.Title).HasMaxLength(300);
        dossier.Property(d => d.GrantedAmount).HasPrecision(14, 2);
        dossier.Property(d => d.Hours).HasPrecision(9, 2);
        dossier.Property(d => d.ProviderSiret).HasMaxLength(14);
        dossier.Property(d => d.ProviderName).HasMaxLength(200);
        dossier.Property(d => d.ProviderMaskedIban).HasMaxLength(40);
        dossier.HasIndex(d => d.Siret);
        // A provider's new IBAN reaches its subrogated dossiers.
        dossier.HasIndex(d => d.ProviderSiret).HasFilter("\"DirectPayment\"");
    }
}

internal sealed class TrainingProviderIbanConfiguration : IEntityTypeConfiguration<TrainingProviderIban>
{
    public void Configure(EntityTypeBuilder<TrainingProviderIban> iban)
    {
        iban.ToTable("training_provider_ibans");
        iban.HasKey(i => i.ProviderSiret);
        iban.Property(i => i.ProviderSiret).HasMaxLength(14);
        iban.Property(i => i.MaskedIban).HasMaxLength(40);
    }
}

internal sealed class EarlyDossierCompletionConfiguration : IEntityTypeConfiguration<EarlyDossierCompletion>
{
    public void Configure(EntityTypeBuilder<EarlyDossierCompletion> completion)
    {
        completion.ToTable("early_dossier_completions");
        completion.HasKey(c => c.DossierId);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public const string OneNumberPerIssuer = "ix_invoices_issuer_number";

    public void Configure(EntityTypeBuilder<Invoice> invoice)
    {
        invoice.ToTable("invoices");
        invoice.HasKey(i => i.Id);
        invoice.Property(i => i.Id).ValueGeneratedNever();
        invoice.HasOne<FundedDossier>().WithMany().HasForeignKey(i => i.DossierId).OnDelete(DeleteBehavior.Restrict);
        invoice.Property(i => i.Siret).HasMaxLength(14);
        invoice.Property(i => i.Issuer).HasConversion<string>().HasMaxLength(20);
        invoice.Property(i => i.IssuerSiret).HasMaxLength(14);
        invoice.Property(i => i.Number).HasMaxLength(Invoice.NumberMaxLength);
        // "Numéro unique par émetteur": the database holds it even for two submissions racing.
        invoice.HasIndex(i => new { i.IssuerSiret, i.Number }).IsUnique().HasDatabaseName(OneNumberPerIssuer);
        invoice.Property(i => i.HoursDone).HasPrecision(9, 2);
        invoice.Property(i => i.AmountExclTax).HasPrecision(14, 2);
        invoice.Property(i => i.Vat).HasPrecision(14, 2);
        invoice.Property(i => i.AmountInclTax).HasPrecision(14, 2);
        invoice.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        invoice.Property(i => i.RejectionReason).HasMaxLength(Invoice.ReasonMaxLength);
        invoice.Property(i => i.MaskedIban).HasMaxLength(40);
        invoice.Property(i => i.IbanFingerprint).HasMaxLength(32);
        invoice.Property(i => i.FileName).HasMaxLength(DocumentFile.FileNameMaxLength);
        invoice.Property(i => i.ContentType).HasMaxLength(40);
        invoice.Property(i => i.SubmittedByName).HasMaxLength(200);
        invoice.Property(i => i.CheckedByName).HasMaxLength(200);
        invoice.HasIndex(i => new { i.Siret, i.SubmittedAt });
        invoice.HasIndex(i => new { i.Status, i.SubmittedAt });
        invoice.HasIndex(i => i.DossierId);
        // Two staff members acting on one invoice at once: the second is told it changed meanwhile.
        invoice.Property(i => i.UpdatedAt).IsConcurrencyToken();

        invoice.HasMany(i => i.History).WithOne().HasForeignKey(h => h.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        invoice.HasOne(i => i.Payment).WithOne().HasForeignKey<InvoicePayment>(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        invoice.Navigation(i => i.History).AutoInclude(false);
    }
}

internal sealed class InvoiceHistoryEntryConfiguration : IEntityTypeConfiguration<InvoiceHistoryEntry>
{
    public void Configure(EntityTypeBuilder<InvoiceHistoryEntry> entry)
    {
        entry.ToTable("invoice_history");
        entry.HasKey(h => h.Id);
        entry.Property(h => h.ByName).HasMaxLength(200);
        entry.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        entry.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        entry.Property(h => h.Reason).HasMaxLength(Invoice.ReasonMaxLength);
    }
}

internal sealed class InvoicePaymentConfiguration : IEntityTypeConfiguration<InvoicePayment>
{
    public void Configure(EntityTypeBuilder<InvoicePayment> payment)
    {
        payment.ToTable("invoice_payments");
        payment.HasKey(p => p.Id);
        payment.Property(p => p.Id).ValueGeneratedNever();
        // One payment per invoice: a second recording racing the first fails here.
        payment.HasIndex(p => p.InvoiceId).IsUnique();
        payment.HasIndex(p => p.DossierId);
        payment.Property(p => p.Amount).HasPrecision(14, 2);
        payment.Property(p => p.PayeeName).HasMaxLength(200);
        payment.Property(p => p.PayeeMaskedIban).HasMaxLength(40);
        payment.Property(p => p.Reference).HasMaxLength(200);
        payment.Property(p => p.RecordedByName).HasMaxLength(200);
    }
}

internal sealed class InvoiceFileConfiguration : IEntityTypeConfiguration<InvoiceFile>
{
    public void Configure(EntityTypeBuilder<InvoiceFile> file)
    {
        file.ToTable("invoice_files");
        file.HasKey(f => f.InvoiceId);
        file.HasOne<Invoice>().WithOne().HasForeignKey<InvoiceFile>(f => f.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
