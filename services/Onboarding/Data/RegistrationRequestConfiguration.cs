using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Onboarding.Domain;
using Opco.SharedKernel;

namespace Opco.Onboarding.Data;

internal sealed class RegistrationRequestConfiguration : IEntityTypeConfiguration<RegistrationRequest>
{
    public const string OnePendingPerSiret = "ix_registration_requests_pending_siret";

    public void Configure(EntityTypeBuilder<RegistrationRequest> request)
    {
        request.ToTable("registration_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Siren).HasMaxLength(9);
        request.Property(r => r.Siret).HasMaxLength(14);
        request.Property(r => r.Name).HasMaxLength(OrganisationFields.NameMaxLength);
        request.Property(r => r.Address).HasMaxLength(OrganisationFields.AddressMaxLength);
        request.Property(r => r.PostalCode).HasMaxLength(5);
        request.Property(r => r.City).HasMaxLength(OrganisationFields.CityMaxLength);
        request.Property(r => r.RequesterEmail).HasMaxLength(EmailAddress.MaxLength);
        request.Property(r => r.RequesterLastName).HasMaxLength(RegistrationRequest.NameMaxLength);
        request.Property(r => r.RequesterFirstName).HasMaxLength(RegistrationRequest.NameMaxLength);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Reason).HasMaxLength(AccountRequest.ReasonMaxLength);
        request.HasIndex(r => r.Siret, OnePendingPerSiret).IsUnique().HasFilter("\"Status\" = 'Pending'");
        request.Ignore(r => r.IsPending);
        request.Ignore(r => r.Establishment);
    }
}
