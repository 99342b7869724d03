namespace Opco.SharedKernel;

internal static class Digits
{
    /// <summary>Users type identifiers with spaces or dots; only the digits are kept.</summary>
    public static string? Normalize(string? input, int expectedLength)
    {
        if (input is null) return null;
        var kept = new string(input.Where(c => c is not (' ' or '.' or '\u00A0')).ToArray());
        return kept.Length == expectedLength && kept.All(char.IsAsciiDigit) ? kept : null;
    }
}
