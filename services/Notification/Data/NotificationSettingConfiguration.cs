using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Notification.Domain;

namespace Opco.Notification.Data;

internal sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> setting)
    {
        setting.ToTable("notification_settings");
        setting.HasKey(s => new { s.UserId, s.Kind });
        setting.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        setting.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
    }
}
