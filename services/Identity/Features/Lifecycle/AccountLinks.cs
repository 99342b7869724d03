using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Messaging.Outbox;

namespace Opco.Identity.Features.Lifecycle;

/// <summary>
/// Issues the single-use links of the account lifecycle and asks the notification service to e-mail them, in the
/// caller's transaction: the new link, the cancellation of older ones and the e-mail request are only tracked, and
/// commit together with the caller's SaveChanges. Links point at the portal's public URL.
/// </summary>
public sealed class AccountLinks(IdentityDbContext db, IConfiguration configuration, TimeProvider time)
{
    private Uri Portal => new(configuration["Portal:PublicUrl"] ?? "http://localhost:8080");

    public async Task RequestEmailConfirmationAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var (token, secret) = await IssueAsync(user, TokenPurpose.ConfirmEmail, cancellationToken);
        db.PublishOnCommit(new EmailConfirmationRequested(user.Id, user.Email!, user.FirstName, user.LastName,
            Link("/account/confirm-email", secret), token.ExpiresAt), user.Id.ToString());
    }

    public async Task RequestPasswordCreationAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var (token, secret) = await IssueAsync(user, TokenPurpose.CreatePassword, cancellationToken);
        db.PublishOnCommit(new PasswordCreationRequested(user.Id, user.Email!, user.FirstName, user.LastName,
            Link("/account/create-password", secret), token.ExpiresAt), user.Id.ToString());
    }

    public async Task RequestEmailChangeAsync(UserAccount user, string newEmail, CancellationToken cancellationToken)
    {
        var (token, secret) = await IssueAsync(user, TokenPurpose.ChangeEmail, cancellationToken);
        db.PublishOnCommit(new EmailChangeRequested(user.Id, newEmail, user.FirstName, user.LastName,
            Link("/account/confirm-new-email", secret), token.ExpiresAt), user.Id.ToString());
    }

    public async Task RequestPasswordResetAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var (token, secret) = await IssueAsync(user, TokenPurpose.ResetPassword, cancellationToken);
        db.PublishOnCommit(new PasswordResetRequested(user.Id, user.Email!, user.FirstName, user.LastName,
            Link("/account/reset-password", secret), token.ExpiresAt), user.Id.ToString());
    }

    /// <summary>
    /// Marks the token used at once (the one write that does not wait for the caller) and returns its user, or null
    /// when the link is unknown, used or expired.
    /// </summary>
    public async Task<UserAccount?> RedeemAsync(string? secret, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret)) return null;
        var hash = OneTimeToken.HashOf(secret);
        var now = time.GetUtcNow();
        // One atomic update: of two requests racing with the same link, only one finds it unused.
        var redeemed = await db.OneTimeTokens
            .Where(t => t.Hash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), cancellationToken);
        if (redeemed != 1) return null;
        var userId = await db.OneTimeTokens.Where(t => t.Hash == hash).Select(t => t.UserId).SingleAsync(cancellationToken);
        await CancelOthersAsync(userId, purpose, now, cancellationToken);
        return await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.DeletedAt == null, cancellationToken);
    }

    /// <summary>Whether the link can still be used, without using it (to show the form).</summary>
    public async Task<bool> IsUsableAsync(string? secret, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret)) return false;
        var hash = OneTimeToken.HashOf(secret);
        var token = await db.OneTimeTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose, cancellationToken);
        return token?.IsUsable(time.GetUtcNow()) ?? false;
    }

    /// <summary>
    /// Only the newest link of a kind works: an older reset or e-mail-change link cannot be replayed. Tracked, not
    /// executed, so the older links stay valid if the caller's transaction does not commit.
    /// </summary>
    private async Task CancelOthersAsync(Guid userId, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var older in await db.OneTimeTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null).ToListAsync(cancellationToken))
            older.Cancel(now);
    }

    private async Task<(OneTimeToken Token, string Secret)> IssueAsync(UserAccount user, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await CancelOthersAsync(user.Id, purpose, now, cancellationToken);
        var issued = OneTimeToken.Issue(user.Id, purpose, now);
        db.OneTimeTokens.Add(issued.Token);
        return issued;
    }

    private string Link(string path, string secret) => new Uri(Portal, $"{path}?token={Uri.EscapeDataString(secret)}").ToString();
}
