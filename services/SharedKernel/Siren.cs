namespace Opco.SharedKernel;

/// <summary>A company identifier: 9 digits passing the Luhn check.</summary>
public sealed record Siren
{
    public string Value { get; }

    private Siren(string value) => Value = value;

    public static bool TryParse(string? input, out Siren? siren)
    {
        var digits = Digits.Normalize(input, 9);
        siren = digits is not null && Luhn.IsValid(digits) ? new Siren(digits) : null;
        return siren is not null;
    }

    public override string ToString() => Value;
}
