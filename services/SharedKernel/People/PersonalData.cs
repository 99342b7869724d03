namespace Opco.SharedKernel.People;

/// <summary>
/// A user's personal data as "Ajouter" / "Éditer un utilisateur" and the ✓ of an account request take them: Civilité,
/// Nom, Prénom, Téléphone (required), Fonction.
/// </summary>
public sealed record PersonalData(Civility Civility, string LastName, string FirstName, string Phone, string? Function)
{
    public const int MaxLength = 100;

    public static PersonalData? Validate(string? civility, string? lastName, string? firstName, string? phone, string? function, FieldErrors errors)
    {
        if (!EnumCodes.TryParse<Civility>(civility, out var parsedCivility))
            errors.Add("civility", "La civilité est obligatoire (Monsieur ou Madame).");
        var last = Required(lastName, "lastName", "Le nom", errors);
        var first = Required(firstName, "firstName", "Le prénom", errors);
        PhoneNumber? parsedPhone = null;
        if (string.IsNullOrWhiteSpace(phone)) errors.Add("phone", "Le téléphone est obligatoire.");
        else if (!PhoneNumber.TryParse(phone, out parsedPhone))
            errors.Add("phone", "Le téléphone doit être un numéro français : 0 suivi de 9 chiffres, ou +33 suivi de 9 chiffres.");
        var trimmedFunction = string.IsNullOrWhiteSpace(function) ? null : function.Trim();
        if (trimmedFunction?.Length > MaxLength) errors.Add("function", $"La fonction ne doit pas dépasser {MaxLength} caractères.");
        return errors.IsEmpty ? new PersonalData(parsedCivility, last!, first!, parsedPhone!.Value, trimmedFunction) : null;
    }

    private static string? Required(string? value, string field, string label, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add(field, $"{label} est obligatoire.");
        else if (trimmed.Length > MaxLength) errors.Add(field, $"{label} ne doit pas dépasser {MaxLength} caractères.");
        else return trimmed;
        return null;
    }
}
