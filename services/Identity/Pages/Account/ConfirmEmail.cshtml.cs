using Microsoft.AspNetCore.Mvc.RazorPages;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;

namespace Opco.Identity.Pages.Account;

/// <summary>The link of the first e-mail: confirms the address and sends the second e-mail, to create the password.</summary>
public sealed class ConfirmEmailModel(IdentityDbContext db, AccountLinks links) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var user = await links.RedeemAsync(token, TokenPurpose.ConfirmEmail, cancellationToken);
        if (user is null) return;
        user.EmailConfirmed = true;
        await links.RequestPasswordCreationAsync(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Confirmed = true;
    }
}
