namespace Opco.Gateway;

/// <summary>The services behind the gateway and the paths each one owns.</summary>
public static class Downstream
{
    public static readonly IReadOnlyList<string> Services = ["identity", "onboarding", "dossier", "finance", "notification"];

    /// <summary>The portal's screens: every path no API or identity route claims (/, /profil, /_blazor, ...).</summary>
    public const string WebFrontEnd = "web";

    /// <summary>Identity also serves OpenID Connect and its account pages outside /api.</summary>
    public static readonly IReadOnlyList<string> IdentityPaths = ["/connect", "/account", "/.well-known"];

    /// <summary>Anonymous endpoints, rate-limited per client address.</summary>
    public static readonly IReadOnlyList<(string Service, string Path, string[] Methods)> PublicEndpoints =
    [
        ("onboarding", "/api/onboarding/account-requests", ["POST"]),
        ("onboarding", "/api/onboarding/account-requests/form", ["GET"]),
        ("onboarding", "/api/onboarding/registration-requests", ["POST"]),
        ("onboarding", "/api/onboarding/directory/{**rest}", ["GET"]),
        ("identity", "/account/{**rest}", ["GET", "POST"]),
        ("identity", "/connect/{**rest}", ["GET", "POST"]),
    ];

    /// <summary>Destinations come from service discovery configuration (<c>services:name:http:0</c>), never from code.</summary>
    public static string? Address(IConfiguration configuration, string service) =>
        configuration[$"services:{service}:http:0"] ?? configuration[$"services:{service}:https:0"];
}
