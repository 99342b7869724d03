using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Opco.Messaging;

public static class UniqueViolation
{
    /// <summary>A save refused by the unique index named <paramref name="index"/> (two identical submissions at once, say).</summary>
    public static bool On(DbUpdateException error, string index) =>
        error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres && postgres.ConstraintName == index;
}
