namespace Opco.Gateway;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>A 10 MB piece of a dossier and some headroom, so that the dossier service itself says in French why a larger one is refused.</summary>
    public long MaxRequestBodyBytes { get; set; } = 11 * 1024 * 1024;
    public PublicRateLimitOptions PublicRateLimit { get; set; } = new();

    /// <summary>
    /// Besides loopback (where the AppHost runs the web front end), the addresses whose X-Forwarded-For is believed:
    /// the web front end calls public endpoints on behalf of its visitors, and the limit must count each visitor.
    /// </summary>
    public string[] TrustedForwarders { get; set; } = [];
}

/// <summary>Per client address, for the endpoints anyone can call (account requests, sign-in).</summary>
public sealed class PublicRateLimitOptions
{
    public int PermitLimit { get; set; } = 30;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
