using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Notification.Domain;

namespace Opco.Notification.Data;

internal sealed class UserAlertStateConfiguration : IEntityTypeConfiguration<UserAlertState>
{
    public void Configure(EntityTypeBuilder<UserAlertState> state)
    {
        state.ToTable("user_alert_states");
        state.HasKey(s => new { s.UserId, s.Frequency });
        state.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
    }
}
