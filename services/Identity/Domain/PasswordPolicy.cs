namespace Opco.Identity.Domain;

/// <summary>
/// The seed's rule (at least 8 characters, one digit, one letter), plus: not a common password, and not containing
/// the name part of the user's e-mail. Every failed rule has its own French message.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;

    public const string TooShort = "Le mot de passe doit contenir au moins 8 caractères.";
    public const string NoDigit = "Le mot de passe doit contenir au moins un chiffre.";
    public const string NoLetter = "Le mot de passe doit contenir au moins une lettre.";
    public const string TooCommon = "Ce mot de passe est trop courant : choisissez-en un moins facile à deviner.";
    public const string ContainsEmail = "Le mot de passe ne doit pas contenir votre adresse email.";

    public static IReadOnlyList<string> Check(string? password, string email)
    {
        password ??= "";
        var failures = new List<string>();
        if (password.Length < MinimumLength) failures.Add(TooShort);
        if (!password.Any(char.IsDigit)) failures.Add(NoDigit);
        if (!password.Any(char.IsLetter)) failures.Add(NoLetter);
        if (CommonPasswords.Contains(password)) failures.Add(TooCommon);

        var localPart = email.Split('@')[0];
        if (localPart.Length >= 3 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase)) failures.Add(ContainsEmail);
        return failures;
    }
}
