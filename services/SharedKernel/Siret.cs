namespace Opco.SharedKernel;

/// <summary>
/// An establishment identifier: SIREN + 5-digit NIC. All 14 digits and the SIREN part pass Luhn,
/// except La Poste's establishments whose digits must sum to a multiple of 5.
/// </summary>
public sealed record Siret
{
    public const string LaPosteSiren = "356000000";

    public string Value { get; }
    public string Siren => Value[..9];

    private Siret(string value) => Value = value;

    public static SiretCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return SiretCheck.Missing;
        var digits = Digits.Normalize(input, 14);
        if (digits is null) return SiretCheck.WrongFormat;
        return HasValidKey(digits) ? SiretCheck.Valid : SiretCheck.InvalidKey;
    }

    public static bool TryParse(string? input, out Siret? siret)
    {
        siret = Check(input) == SiretCheck.Valid ? new Siret(Digits.Normalize(input, 14)!) : null;
        return siret is not null;
    }

    private static bool HasValidKey(string digits)
    {
        if (digits.StartsWith(LaPosteSiren, StringComparison.Ordinal))
            return digits.Sum(c => c - '0') % 5 == 0;
        return Luhn.IsValid(digits) && Luhn.IsValid(digits.AsSpan(0, 9));
    }

    public override string ToString() => Value;
}

public enum SiretCheck
{
    Valid,
    Missing,
    WrongFormat,
    InvalidKey,
}
