using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;

namespace Opco.Identity.Pages.Account;

/// <summary>Shared by "créer" and "réinitialiser" : a single-use link, the portal's password rule, then sign-in.</summary>
public abstract class PasswordForm(IdentityDbContext db, AccountLinks links, UserManager<UserAccount> users, TokenPurpose purpose) : PageModel
{
    public const string Mismatch = "Les deux mots de passe ne sont pas identiques.";

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? PasswordConfirmation { get; set; }
    public bool LinkIsValid { get; private set; }
    public bool Done { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        LinkIsValid = await links.IsUsableAsync(Token, purpose, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        LinkIsValid = await links.IsUsableAsync(Token, purpose, cancellationToken);
        if (!LinkIsValid) return Page();

        var owner = await OwnerEmailAsync(cancellationToken);
        var errors = PasswordPolicy.Check(Password, owner ?? "").ToList();
        if (Password != PasswordConfirmation) errors.Add(Mismatch);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var user = await links.RedeemAsync(Token, purpose, cancellationToken);
        if (user is null)
        {
            LinkIsValid = false;
            return Page();
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Password!);
        user.MustCreatePassword = false;
        user.EmailConfirmed = true;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await db.SaveChangesAsync(cancellationToken);
        Done = true;
        return Page();
    }

    private async Task<string?> OwnerEmailAsync(CancellationToken cancellationToken)
    {
        var hash = OneTimeToken.HashOf(Token!);
        var userId = await db.OneTimeTokens.Where(t => t.Hash == hash).Select(t => t.UserId).SingleAsync(cancellationToken);
        return (await users.FindByIdAsync(userId.ToString()))?.Email;
    }
}
