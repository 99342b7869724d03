using Microsoft.EntityFrameworkCore;
using Opco.Onboarding.Data;

namespace Opco.Onboarding.Messaging;

/// <summary>
/// Upserts of the accounts copy, each one statement so concurrent deliveries cannot race; an announcement older than
/// what the row holds changes nothing, and a deleted account (dated at the end of time) never comes back.
/// </summary>
internal static class KnownAccountCopy
{
    public static Task UpsertAsync(OnboardingDbContext db, Guid userId, string email, string firstName, string lastName, bool isAdvisor,
        DateTimeOffset at, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO known_accounts (user_id, email, first_name, last_name, is_advisor, updated_at)
             VALUES ({userId}, {email.ToLowerInvariant()}, {firstName}, {lastName}, {isAdvisor}, {at.ToUniversalTime()})
             ON CONFLICT (user_id) DO UPDATE SET
               email = CASE WHEN known_accounts.updated_at <= excluded.updated_at THEN excluded.email ELSE known_accounts.email END,
               first_name = CASE WHEN known_accounts.updated_at <= excluded.updated_at THEN excluded.first_name ELSE known_accounts.first_name END,
               last_name = CASE WHEN known_accounts.updated_at <= excluded.updated_at THEN excluded.last_name ELSE known_accounts.last_name END,
               is_advisor = known_accounts.is_advisor OR excluded.is_advisor,
               updated_at = GREATEST(known_accounts.updated_at, excluded.updated_at)
             """, cancellationToken);

    public static Task ForgetAsync(OnboardingDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO known_accounts (user_id, email, first_name, last_name, is_advisor, updated_at)
             VALUES ({userId}, NULL, '', '', false, {DateTimeOffset.MaxValue})
             ON CONFLICT (user_id) DO UPDATE SET email = NULL, first_name = '', last_name = '', is_advisor = false, updated_at = excluded.updated_at
             """, cancellationToken);
}
