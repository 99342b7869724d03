using Opco.SharedKernel;

namespace Opco.IntegrationTests.Support;

/// <summary>Fresh, valid SIREN/SIRET numbers (Luhn on the SIREN and on all 14 digits), so tests never share an establishment.</summary>
public static class TestSirets
{
    public static string NewSiren()
    {
        while (true)
        {
            var candidate = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString();
            if (Luhn.IsValid(candidate) && !candidate.StartsWith(Siret.LaPosteSiren, StringComparison.Ordinal)) return candidate;
        }
    }

    public static string NewSiret(string? siren = null)
    {
        siren ??= NewSiren();
        for (var nic = Random.Shared.Next(10, 9000); ; nic++)
        {
            var candidate = $"{siren}{nic:D5}";
            if (Siret.TryParse(candidate, out _)) return candidate;
        }
    }
}
