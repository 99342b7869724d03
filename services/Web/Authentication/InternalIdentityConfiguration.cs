using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Opco.Web.Authentication;

/// <summary>
/// Identity's discovery document is read from identity itself, inside the platform, and names its endpoints after the
/// address it was asked on. The browser must use the portal's public URL (the gateway) for the pages it is sent to
/// (authorize, logout); the server's own calls (keys, token) stay inside the platform, so they do not count against
/// the gateway's per-address limit meant for visitors. The issuer stays the public URL identity signs with.
/// </summary>
public sealed class InternalIdentityConfiguration(Uri publicUrl, Uri identityUrl) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancel));
        configuration.AuthorizationEndpoint = On(publicUrl, configuration.AuthorizationEndpoint);
        configuration.EndSessionEndpoint = On(publicUrl, configuration.EndSessionEndpoint);
        configuration.TokenEndpoint = Internal(configuration.TokenEndpoint);
        configuration.UserInfoEndpoint = Internal(configuration.UserInfoEndpoint);
        configuration.JwksUri = Internal(configuration.JwksUri);
        configuration.JsonWebKeySet = JsonWebKeySet.Create(await retriever.GetDocumentAsync(configuration.JwksUri, cancel));
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys()) configuration.SigningKeys.Add(key);
        return configuration;
    }

    private string Internal(string? endpoint) => On(identityUrl, endpoint);

    /// <summary>The same path and query on another host.</summary>
    private static string On(Uri host, string? endpoint) =>
        string.IsNullOrEmpty(endpoint) ? endpoint ?? "" : new Uri(host, new Uri(endpoint).PathAndQuery).ToString();
}
