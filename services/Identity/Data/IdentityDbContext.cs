using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Domain;
using Opco.Messaging;
using Opco.Messaging.Outbox;

namespace Opco.Identity.Data;

/// <summary>ASP.NET Core Identity, OpenIddict's stores, users' rights and audit, and the outbox/inbox, in identitydb.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : IdentityDbContext<UserAccount, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<EstablishmentAccess> Accesses => Set<EstablishmentAccess>();
    public DbSet<Establishment> Establishments => Set<Establishment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<FulfilledAccountRequest> FulfilledAccountRequests => Set<FulfilledAccountRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.AddOutboxAndInbox();
        builder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PublishPreferredEstablishmentChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PublishPreferredEstablishmentChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The preferred establishment changes in many places (the profile, a new user, an attachment, an import, a change of
    /// rights that removes it, a deletion, the demo data); published here, with the change, so none can forget it.
    /// </summary>
    private void PublishPreferredEstablishmentChanges()
    {
        ChangeTracker.DetectChanges();
        var now = DateTimeOffset.UtcNow;
        var changed = ChangeTracker.Entries<UserAccount>()
            .Where(e => e.State switch
            {
                EntityState.Added => e.Entity.PreferredSiret is not null,
                EntityState.Modified => e.Property(u => u.PreferredSiret).IsModified
                                        && e.Property(u => u.PreferredSiret).OriginalValue != e.Entity.PreferredSiret,
                _ => false,
            })
            .Select(e => e.Entity).ToList();
        foreach (var user in changed)
            this.PublishOnCommit(new PreferredEstablishmentChanged(user.Id, user.PreferredSiret, now), user.Id.ToString());
    }
}
