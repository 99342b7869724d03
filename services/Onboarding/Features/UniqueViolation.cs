using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Opco.Onboarding.Features;

internal static class UniqueViolation
{
    /// <summary>Two identical submissions at once: the second one breaks the unique index named <paramref name="index"/>.</summary>
    public static bool On(DbUpdateException error, string index) =>
        error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres && postgres.ConstraintName == index;
}
