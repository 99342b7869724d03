using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Opco.Identity.Domain;
using Opco.Messaging;

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
}
