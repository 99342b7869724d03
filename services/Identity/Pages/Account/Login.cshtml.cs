using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Opco.Identity.Domain;

namespace Opco.Identity.Pages.Account;

/// <summary>
/// The sign-in page. An unknown address, a wrong password, a locked account and a migrated account still without its
/// new password all get the same answer, so it never tells whether an e-mail has an account (the page's notice tells
/// migrated users to create a new password); five failures lock the account for 15 minutes.
/// </summary>
public sealed class LoginModel(SignInManager<UserAccount> signIn, UserManager<UserAccount> users, TimeProvider time) : PageModel
{
    public const string Refused =
        "Identifiant ou mot de passe incorrect. Après 5 tentatives infructueuses, le compte est verrouillé pendant 15 minutes.";
    public const string Inactive =
        "Votre compte est désactivé. Contactez le gestionnaire de votre établissement.";

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null || user.DeletedAt is not null || user.MustCreatePassword || string.IsNullOrEmpty(Password))
            return Fail(Refused);

        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (!result.Succeeded || !user.EmailConfirmed) return Fail(Refused);
        if (!user.IsActive) return Fail(Inactive);

        user.LastSignInAt = time.GetUtcNow();
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Password = null;
        return Page();
    }
}
