namespace Opco.Gateway;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;
    public PublicRateLimitOptions PublicRateLimit { get; set; } = new();
}

/// <summary>Per client address, for the endpoints anyone can call (account requests, sign-in).</summary>
public sealed class PublicRateLimitOptions
{
    public int PermitLimit { get; set; } = 30;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
