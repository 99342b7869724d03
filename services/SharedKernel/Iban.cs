using System.Numerics;

namespace Opco.SharedKernel;

/// <summary>
/// An international bank account number: two letters of country, two check digits, then the account (up to 30
/// letters and digits), the whole passing ISO 13616's mod-97 check. A French IBAN has 27 characters. Input may
/// carry spaces and lower case; the value holds neither. Personal data: never logged, stored encrypted.
/// </summary>
public sealed record Iban
{
    public const int FrenchLength = 27;

    public string Value { get; }

    private Iban(string value) => Value = value;

    public static IbanCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return IbanCheck.Missing;
        var compact = Compact(input);
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.All(char.IsAsciiLetterOrDigit))
            return IbanCheck.WrongFormat;
        if (compact.StartsWith("FR", StringComparison.Ordinal) && compact.Length != FrenchLength) return IbanCheck.WrongFormat;
        return Mod97(compact) == 1 ? IbanCheck.Valid : IbanCheck.InvalidKey;
    }

    public static bool TryParse(string? input, out Iban? iban)
    {
        iban = Check(input) == IbanCheck.Valid ? new Iban(Compact(input!)) : null;
        return iban is not null;
    }

    /// <summary>
    /// The IBAN typed in <paramref name="field"/>, or null with the French message of what is wrong; null and no message when
    /// nothing was typed, unless <paramref name="required"/>.
    /// </summary>
    public static Iban? Read(string? input, string field, FieldErrors errors, bool required = false)
    {
        switch (Check(input))
        {
            case IbanCheck.Missing:
                if (required) errors.Add(field, "L'IBAN est obligatoire.");
                return null;
            case IbanCheck.WrongFormat:
                errors.Add(field, "L'IBAN doit commencer par le code du pays et comporter 27 caractères pour un compte français.");
                return null;
            case IbanCheck.InvalidKey:
                errors.Add(field, "Cet IBAN n'est pas valide : vérifiez sa saisie.");
                return null;
            default:
                return new Iban(Compact(input!));
        }
    }

    /// <summary>What a screen shows: country and check digits, then the last four characters (« FR76 •••• •••• 1234 »).</summary>
    public string Masked => $"{Value[..4]} •••• •••• {Value[^4..]}";

    /// <summary>The value, never: a record's generated ToString would put the whole number in a log line.</summary>
    public override string ToString() => Masked;

    private static string Compact(string input) =>
        new([.. input.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);

    /// <summary>The first four characters moved to the end, each letter as two digits (A = 10 … Z = 35), modulo 97.</summary>
    private static int Mod97(string iban)
    {
        var digits = string.Concat((iban[4..] + iban[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString()));
        return (int)(BigInteger.Parse(digits) % 97);
    }
}

public enum IbanCheck
{
    Valid,
    Missing,
    WrongFormat,
    InvalidKey,
}
