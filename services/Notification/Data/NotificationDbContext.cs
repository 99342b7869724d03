using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Messaging;
using Opco.Notification.Domain;

namespace Opco.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : MessagingDbContext(options)
{
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<PortalNotification> Notifications => Set<PortalNotification>();
    public DbSet<NotificationSetting> NotificationSettings => Set<NotificationSetting>();
    public DbSet<UserContact> UserContacts => Set<UserContact>();
    public DbSet<UserAlertState> AlertStates => Set<UserAlertState>();
    public DbSet<NewsItem> News => Set<NewsItem>();
    public DbSet<CompanyOffer> CompanyOffers => Set<CompanyOffer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddHabilitationCopy();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationDbContext).Assembly);
    }
}
