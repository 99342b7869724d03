using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Notification.Domain;

namespace Opco.Notification.Data;

internal sealed class UserContactConfiguration : IEntityTypeConfiguration<UserContact>
{
    // Written with plain SQL upserts by the contact consumers, hence fixed snake_case names.
    public void Configure(EntityTypeBuilder<UserContact> contact)
    {
        contact.ToTable("user_contacts");
        contact.HasKey(c => c.UserId);
        contact.Property(c => c.UserId).HasColumnName("user_id");
        contact.Property(c => c.Email).HasColumnName("email").HasMaxLength(254);
        contact.Property(c => c.FirstName).HasColumnName("first_name").HasMaxLength(100);
        contact.Property(c => c.LastName).HasColumnName("last_name").HasMaxLength(100);
        contact.Property(c => c.UpdatedAt).HasColumnName("updated_at");
    }
}
