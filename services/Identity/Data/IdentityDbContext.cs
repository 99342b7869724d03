using Microsoft.EntityFrameworkCore;
using Opco.Messaging;

namespace Opco.Identity.Data;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : MessagingDbContext(options);
