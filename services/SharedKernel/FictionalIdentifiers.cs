using System.Numerics;

namespace Opco.SharedKernel;

/// <summary>Valid SIREN, SIRET and IBAN numbers for fictional companies (demo data, tests, benchmark).</summary>
public static class FictionalIdentifiers
{
    public static string Siren(Random random)
    {
        while (true)
        {
            var payload = random.Next(10_000_000, 100_000_000).ToString("D8");
            // La Poste's SIREN follows another rule for its establishments: never generated.
            if (payload == SharedKernel.Siret.LaPosteSiren[..8]) continue;
            return payload + Luhn.CheckDigit(payload);
        }
    }

    /// <summary>The <paramref name="index"/>-th site of a company (NIC 0001x, 0002x, …), valid by Luhn on all 14 digits.</summary>
    public static string Siret(string siren, int index)
    {
        var payload = siren + (index + 1).ToString("D4");
        return payload + Luhn.CheckDigit(payload);
    }

    /// <summary>A French IBAN (27 characters) of a fictional account: random bank, branch and account, valid check digits.</summary>
    public static string FrenchIban(Random random)
    {
        var bban = string.Concat(Enumerable.Range(0, 23).Select(_ => (char)('0' + random.Next(10))));
        // ISO 13616: the check digits are 98 minus the remainder of BBAN + "FR00", letters as numbers (F = 15, R = 27).
        var check = 98 - (int)(BigInteger.Parse(bban + "152700") % 97);
        return $"FR{check:D2}{bban}";
    }
}
