using Opco.SharedKernel.Search;

namespace Opco.SharedKernel;

/// <summary>Field rules of an organisation (company, establishment, training provider), with their French messages.</summary>
public static class OrganisationFields
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 300;
    public const int CityMaxLength = 100;

    public static string? Siren(string? input, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input)) errors.Add(field, "Le SIREN est obligatoire.");
        else if (SharedKernel.Siren.TryParse(input, out var siren)) return siren!.Value;
        else if (SearchText.Digits(input) is not { Length: 9 }) errors.Add(field, "Le SIREN doit comporter 9 chiffres.");
        else errors.Add(field, "Ce numéro SIREN n'existe pas : vérifiez sa saisie.");
        return null;
    }

    public static string? Siret(string? input, string field, FieldErrors errors)
    {
        switch (SharedKernel.Siret.Check(input))
        {
            case SiretCheck.Missing: errors.Add(field, "Le SIRET est obligatoire."); break;
            case SiretCheck.WrongFormat: errors.Add(field, "Le SIRET doit comporter 14 chiffres."); break;
            case SiretCheck.InvalidKey: errors.Add(field, "Ce numéro SIRET n'existe pas : vérifiez sa saisie."); break;
            default:
                SharedKernel.Siret.TryParse(input, out var siret);
                return siret!.Value;
        }
        return null;
    }

    public static string? Required(string? input, string field, string label, int maxLength, FieldErrors errors)
    {
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add(field, $"{label} est obligatoire.");
        else if (trimmed.Length > maxLength) errors.Add(field, $"{label} ne doit pas dépasser {maxLength} caractères.");
        else return trimmed;
        return null;
    }

    public static string? PostalCode(string? input, string field, FieldErrors errors)
    {
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add(field, "Le code postal est obligatoire.");
        else if (trimmed.Length != 5 || !trimmed.All(char.IsAsciiDigit)) errors.Add(field, "Le code postal doit comporter 5 chiffres.");
        else return trimmed;
        return null;
    }
}
