namespace Opco.Authorization.HabilitationCopy;

/// <summary>How a SIRET is keyed in the copy: digits only, whether it came from an event or a URL ("732 829 320 00074").</summary>
public static class SiretKey
{
    public static string Of(string siret) => new([.. siret.Where(char.IsAsciiDigit)]);
}
