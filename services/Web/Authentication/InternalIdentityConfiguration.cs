using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Opco.Web.Authentication;

/// <summary>
/// Identity publishes every endpoint under the portal's public URL (its issuer, the gateway). The browser must use
/// those (authorize, logout); the server's own calls (discovery, keys, token) go straight to identity inside the
/// platform, so they do not count against the gateway's per-address limit meant for visitors.
/// </summary>
public sealed class InternalIdentityConfiguration(Uri publicUrl, Uri identityUrl) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancel));
        configuration.TokenEndpoint = Internal(configuration.TokenEndpoint);
        configuration.UserInfoEndpoint = Internal(configuration.UserInfoEndpoint);
        configuration.JwksUri = Internal(configuration.JwksUri);
        configuration.JsonWebKeySet = JsonWebKeySet.Create(await retriever.GetDocumentAsync(configuration.JwksUri, cancel));
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys()) configuration.SigningKeys.Add(key);
        return configuration;
    }

    public string Internal(string? endpoint)
    {
        if (string.IsNullOrEmpty(endpoint)) return endpoint ?? "";
        var uri = new Uri(endpoint);
        return uri.GetLeftPart(UriPartial.Authority) == publicUrl.GetLeftPart(UriPartial.Authority)
            ? new Uri(identityUrl, uri.PathAndQuery).ToString()
            : endpoint;
    }
}
