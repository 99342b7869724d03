using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Messaging.Outbox;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;

namespace Opco.Identity.Pages.Account;

/// <summary>The link sent to the new address: it becomes the login, and existing sessions must sign in again.</summary>
public sealed class ConfirmNewEmailModel(IdentityDbContext db, AccountLinks links, TimeProvider time) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var user = await links.RedeemAsync(token, TokenPurpose.ChangeEmail, cancellationToken);
        if (user?.PendingEmail is not { } email) return;
        var normalized = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.Id != user.Id && u.NormalizedEmail == normalized, cancellationToken)) return;

        (user.Email, user.UserName, user.NormalizedEmail, user.NormalizedUserName) = (email, email, normalized, normalized);
        user.PendingEmail = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        db.PublishOnCommit(new UserContactChanged(user.Id, email, user.FirstName, user.LastName, time.GetUtcNow()), user.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        Confirmed = true;
    }
}
