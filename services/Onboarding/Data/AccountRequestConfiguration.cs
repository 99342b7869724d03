using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Onboarding.Domain;
using Opco.SharedKernel;

namespace Opco.Onboarding.Data;

internal sealed class AccountRequestConfiguration : IEntityTypeConfiguration<AccountRequest>
{
    public const string OnePendingPerEmailAndSiret = "ix_account_requests_pending_email_siret";

    public void Configure(EntityTypeBuilder<AccountRequest> request)
    {
        request.ToTable("account_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Form).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Civility).HasMaxLength(20);
        request.Property(r => r.LastName).HasMaxLength(AccountRequest.NameMaxLength);
        request.Property(r => r.FirstName).HasMaxLength(AccountRequest.NameMaxLength);
        request.Property(r => r.Email).HasMaxLength(EmailAddress.MaxLength);
        request.Property(r => r.Phone).HasMaxLength(20);
        request.Property(r => r.JobTitle).HasMaxLength(AccountRequest.NameMaxLength);
        request.Property(r => r.RoleCode).HasMaxLength(50);
        request.Property(r => r.Siret).HasMaxLength(14);
        // Two deciders at once: the second save fails instead of overwriting the first decision. Only the status
        // guards, so a reminder recorded meanwhile does not make a decision fail.
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        request.Property(r => r.RefusalReason).HasMaxLength(AccountRequest.ReasonMaxLength);
        request.Property(r => r.FailureReason).HasMaxLength(50);
        request.Property(r => r.DecidedByName).HasMaxLength(2 * AccountRequest.NameMaxLength + 1);
        request.HasMany(r => r.History).WithOne().HasForeignKey(h => h.AccountRequestId).OnDelete(DeleteBehavior.Cascade);
        request.Navigation(r => r.History).AutoInclude(false);
        request.HasIndex(r => new { r.Siret, r.Status });
        request.HasIndex(r => r.Email);
        // "A second pending request for the same e-mail and establishment is refused", even for two at once; one being
        // carried out, or back after a failure, is still pending for the requester.
        request.HasIndex(r => new { r.Email, r.Siret }, OnePendingPerEmailAndSiret).IsUnique()
            .HasFilter("\"Status\" IN ('Pending', 'Approving', 'Failed')");
        request.HasIndex(r => r.SubmittedAt).HasFilter("\"Status\" = 'Pending'");
        request.Ignore(r => r.Role);
        request.Ignore(r => r.SuggestedHabilitations);
        request.Ignore(r => r.RequesterName);
        request.Ignore(r => r.AwaitsDecision);
    }
}
