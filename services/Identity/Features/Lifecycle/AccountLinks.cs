using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Messaging.Outbox;

namespace Opco.Identity.Features.Lifecycle;

/// <summary>
/// Issues the single-use links of the account lifecycle and asks the notification service to e-mail them, in the
/// caller's transaction. Links point at the portal's public URL.
/// </summary>
public sealed class AccountLinks(IdentityDbContext db, IConfiguration configuration, TimeProvider time)
{
    private Uri Portal => new(configuration["Portal:PublicUrl"] ?? "http://localhost:8080");

    public void RequestEmailConfirmation(UserAccount user)
    {
        var (token, secret) = Issue(user, TokenPurpose.ConfirmEmail);
        db.PublishOnCommit(new EmailConfirmationRequested(user.Id, user.Email!, user.FirstName, user.LastName,
            Link("/account/confirm-email", secret), token.ExpiresAt), user.Id.ToString());
    }

    public void RequestPasswordCreation(UserAccount user)
    {
        var (token, secret) = Issue(user, TokenPurpose.CreatePassword);
        db.PublishOnCommit(new PasswordCreationRequested(user.Id, user.Email!, user.FirstName, user.LastName,
            Link("/account/create-password", secret), token.ExpiresAt), user.Id.ToString());
    }

    public void RequestEmailChange(UserAccount user, string newEmail)
    {
        var (token, secret) = Issue(user, TokenPurpose.ChangeEmail);
        db.PublishOnCommit(new EmailChangeRequested(user.Id, newEmail, user.FirstName, user.LastName,
            Link("/account/confirm-new-email", secret), token.ExpiresAt), user.Id.ToString());
    }

    public void RequestPasswordReset(UserAccount user)
    {
        var (token, secret) = Issue(user, TokenPurpose.ResetPassword);
        db.PublishOnCommit(new PasswordResetRequested(user.Id, user.Email!, user.FirstName, user.LastName,
            Link("/account/reset-password", secret), token.ExpiresAt), user.Id.ToString());
    }

    /// <summary>Marks the token used and returns its user, or null when the link is unknown, used or expired.</summary>
    public async Task<UserAccount?> RedeemAsync(string? secret, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret)) return null;
        var hash = OneTimeToken.HashOf(secret);
        var now = time.GetUtcNow();
        var token = await db.OneTimeTokens.SingleOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose, cancellationToken);
        if (token is null || !token.IsUsable(now)) return null;
        token.UsedAt = now;
        return await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId && u.DeletedAt == null, cancellationToken);
    }

    /// <summary>Whether the link can still be used, without using it (to show the form).</summary>
    public async Task<bool> IsUsableAsync(string? secret, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret)) return false;
        var hash = OneTimeToken.HashOf(secret);
        var token = await db.OneTimeTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose, cancellationToken);
        return token?.IsUsable(time.GetUtcNow()) ?? false;
    }

    private (OneTimeToken Token, string Secret) Issue(UserAccount user, TokenPurpose purpose)
    {
        var issued = OneTimeToken.Issue(user.Id, purpose, time.GetUtcNow());
        db.OneTimeTokens.Add(issued.Token);
        return issued;
    }

    private string Link(string path, string secret) => new Uri(Portal, $"{path}?token={Uri.EscapeDataString(secret)}").ToString();
}
