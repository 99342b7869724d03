namespace Opco.SharedKernel;

/// <summary>A French number: 0 + 9 digits or +33 + 9 digits, separators allowed; stored in E.164 (+33…).</summary>
public sealed record PhoneNumber
{
    public string Value { get; }

    private PhoneNumber(string value) => Value = value;

    public static bool TryParse(string? input, out PhoneNumber? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var kept = new string(input.Where(c => c is not (' ' or '.' or '-' or '\u00A0')).ToArray());
        var national = kept switch
        {
            ['+', '3', '3', .. var rest] => rest,
            ['0', .. var rest] => rest,
            _ => null,
        };
        if (national is not { Length: 9 } || national[0] == '0' || !national.All(char.IsAsciiDigit)) return false;
        phone = new PhoneNumber("+33" + national);
        return true;
    }

    public override string ToString() => Value;
}
