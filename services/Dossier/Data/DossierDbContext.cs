using Microsoft.EntityFrameworkCore;
using Opco.Messaging;

namespace Opco.Dossier.Data;

public sealed class DossierDbContext(DbContextOptions<DossierDbContext> options) : MessagingDbContext(options);
