using System.Net.Mail;

namespace Opco.SharedKernel;

/// <summary>An e-mail address, trimmed and compared case-insensitively (stored lower-case).</summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    public string Value { get; }

    private EmailAddress(string value) => Value = value;

    public static bool TryParse(string? input, out EmailAddress? email)
    {
        email = null;
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength) return false;
        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed) return false;
        var domain = parsed.Host;
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.')) return false;
        email = new EmailAddress(trimmed.ToLowerInvariant());
        return true;
    }

    public override string ToString() => Value;
}
