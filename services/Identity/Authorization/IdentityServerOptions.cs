namespace Opco.Identity.Authorization;

/// <summary>Bound from the <c>Identity</c> section. Client secrets come from configuration (the AppHost generates them).</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Identity";

    /// <summary>Where signing, encryption and data-protection keys are generated once and then kept.</summary>
    public string? KeyDirectory { get; set; }
    /// <summary>Alternatively, a PEM-encoded RSA private key supplied by configuration.</summary>
    public string? SigningKeyPem { get; set; }
    /// <summary>With <see cref="SigningKeyPem"/>: a base64 256-bit key protecting codes and refresh tokens.</summary>
    public string? EncryptionKey { get; set; }
    public bool RequireHttps { get; set; } = true;
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(1);
    public List<ClientDefinition> Clients { get; set; } = [];
}

public sealed class ClientDefinition
{
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "";
    /// <summary>Relative to the portal's public URL.</summary>
    public List<string> RedirectPaths { get; set; } = [];
    public List<string> PostLogoutRedirectPaths { get; set; } = [];
    public List<string> Grants { get; set; } = [];
    public List<string> Scopes { get; set; } = [];
}
