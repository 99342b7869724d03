using Opco.SharedKernel;

namespace Opco.IntegrationTests.Support;

/// <summary>Valid SIRETs nobody else in the test run uses, for tests that must own an establishment.</summary>
public static class TestSirets
{
    public static string Unique()
    {
        var siren = WithCheckDigit($"{Random.Shared.Next(10_000_000, 99_999_999)}");
        return WithCheckDigit($"{siren}{Random.Shared.Next(1000, 9999)}");
    }

    private static string WithCheckDigit(string digits) =>
        Enumerable.Range(0, 10).Select(d => $"{digits}{d}").First(candidate => Luhn.IsValid(candidate));
}
