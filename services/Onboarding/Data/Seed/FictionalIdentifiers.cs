using Opco.SharedKernel;

namespace Opco.Onboarding.Data.Seed;

/// <summary>Valid SIREN and SIRET numbers for fictional companies (demo data, tests, benchmark).</summary>
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
}
