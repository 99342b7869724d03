using System.Security.Cryptography;
using System.Text;

namespace Opco.Identity.Domain;

/// <summary>
/// A single-use, expiring secret sent by e-mail. Only its SHA-256 hash is stored, so the database never holds a
/// usable link.
/// </summary>
public sealed class OneTimeToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public TokenPurpose Purpose { get; set; }
    public string Hash { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    public static (OneTimeToken Token, string Secret) Issue(Guid userId, TokenPurpose purpose, DateTimeOffset now)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new OneTimeToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Purpose = purpose,
            Hash = HashOf(secret),
            ExpiresAt = now + Lifetime(purpose),
        }, secret);
    }

    public static TimeSpan Lifetime(TokenPurpose purpose) => purpose switch
    {
        TokenPurpose.ConfirmEmail => TimeSpan.FromHours(48),
        TokenPurpose.CreatePassword => TimeSpan.FromHours(24),
        TokenPurpose.ResetPassword => TimeSpan.FromHours(2),
        TokenPurpose.ChangeEmail => TimeSpan.FromHours(48),
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    /// <summary>A newer link of the same kind replaces this one: it counts as used from now on.</summary>
    public void Cancel(DateTimeOffset now) => UsedAt ??= now;
}

public enum TokenPurpose
{
    ConfirmEmail,
    CreatePassword,
    ResetPassword,
    ChangeEmail,
}
