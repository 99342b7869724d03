namespace Opco.SharedKernel;

/// <summary>
/// A bank identifier code (ISO 9362): 4 letters of bank, 2 letters of country, 2 letters or digits of location, then
/// optionally 3 letters or digits of branch: 8 or 11 characters. Input may carry spaces and lower case; the value holds neither.
/// </summary>
public sealed record Bic
{
    public string Value { get; }

    private Bic(string value) => Value = value;

    public static BicCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return BicCheck.Missing;
        var compact = Compact(input);
        if (compact.Length is not (8 or 11)) return BicCheck.WrongLength;
        return compact[..6].All(char.IsAsciiLetterUpper) && compact[6..].All(char.IsAsciiLetterOrDigit) ? BicCheck.Valid : BicCheck.WrongFormat;
    }

    public static bool TryParse(string? input, out Bic? bic)
    {
        bic = Check(input) == BicCheck.Valid ? new Bic(Compact(input!)) : null;
        return bic is not null;
    }

    public override string ToString() => Value;

    private static string Compact(string input) => new([.. input.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);
}

public enum BicCheck
{
    Valid,
    Missing,
    WrongLength,
    WrongFormat,
}
