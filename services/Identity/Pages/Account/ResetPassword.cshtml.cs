using Microsoft.AspNetCore.Identity;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;

namespace Opco.Identity.Pages.Account;

public sealed class ResetPasswordModel(IdentityDbContext db, AccountLinks links, UserManager<UserAccount> users)
    : PasswordForm(db, links, users, TokenPurpose.ResetPassword);
