namespace Opco.SharedKernel;

/// <summary>The Luhn (mod 10) checksum used by SIREN and SIRET numbers.</summary>
public static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>The digit to append to <paramref name="payload"/> so that the whole passes the check.</summary>
    public static char CheckDigit(ReadOnlySpan<char> payload)
    {
        Span<char> candidate = stackalloc char[payload.Length + 1];
        payload.CopyTo(candidate);
        for (var digit = '0'; digit <= '9'; digit++)
        {
            candidate[^1] = digit;
            if (IsValid(candidate)) return digit;
        }
        throw new ArgumentException("Only digits can be completed.", nameof(payload));
    }
}
