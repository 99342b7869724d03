using Microsoft.EntityFrameworkCore;
using Opco.Messaging;

namespace Opco.Testing.Messaging;

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : MessagingDbContext(options)
{
    public DbSet<ProbeEffect> Effects => Set<ProbeEffect>();
}

/// <summary>The state change a consumer makes: one row per applied event.</summary>
public sealed class ProbeEffect
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public string Scenario { get; set; } = "";
    public int Sequence { get; set; }
}
