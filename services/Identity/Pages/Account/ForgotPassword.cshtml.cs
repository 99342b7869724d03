using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;

namespace Opco.Identity.Pages.Account;

/// <summary>Always the same answer; the e-mail with a reset link goes out only when the account exists.</summary>
public sealed class ForgotPasswordModel(IdentityDbContext db, AccountLinks links, UserManager<UserAccount> users) : PageModel
{
    public const string Answer =
        "Si un compte existe avec cette adresse, un email contenant un lien pour créer un nouveau mot de passe vient de lui être envoyé.";

    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is { DeletedAt: null, IsActive: true })
        {
            await links.RequestPasswordResetAsync(user, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
