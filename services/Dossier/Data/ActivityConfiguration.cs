using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Dossier.Domain.Activity;

namespace Opco.Dossier.Data;

/// <summary>Finance's payments as the activity reports read them: one row per payment, by establishment and day.</summary>
internal sealed class DossierPaymentConfiguration : IEntityTypeConfiguration<DossierPayment>
{
    public void Configure(EntityTypeBuilder<DossierPayment> payment)
    {
        payment.ToTable("dossier_payments");
        // The payment id as the key: a payment published twice is stored once.
        payment.HasKey(p => p.PaymentId);
        payment.Property(p => p.PaymentId).ValueGeneratedNever();
        payment.Property(p => p.Siret).HasMaxLength(14);
        payment.Property(p => p.InvoiceNumber).HasMaxLength(DossierPayment.InvoiceNumberMaxLength);
        payment.Property(p => p.Amount).HasPrecision(12, 2);
        payment.HasIndex(p => new { p.Siret, p.PaidOn });
        payment.HasIndex(p => p.DossierId);
    }
}

/// <summary>The reportings DEFi Performance asked for, their progress and their files (bytea).</summary>
internal sealed class DefiReportJobConfiguration : IEntityTypeConfiguration<DefiReportJob>
{
    public void Configure(EntityTypeBuilder<DefiReportJob> job)
    {
        job.ToTable("defi_report_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Id).ValueGeneratedNever();
        job.Property(j => j.Siren).HasMaxLength(9);
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.Step).HasMaxLength(200);
        job.Property(j => j.Failure).HasMaxLength(1000);
        job.HasIndex(j => new { j.Siren, j.RequestedAt });
        // The worker's queue: what is waiting or was left running.
        job.HasIndex(j => new { j.Status, j.RequestedAt }).HasFilter("\"Status\" IN ('Requested', 'InProgress')");
    }
}
