using Microsoft.EntityFrameworkCore;
using Opco.Messaging;

namespace Opco.Finance.Data;

public sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : MessagingDbContext(options);
