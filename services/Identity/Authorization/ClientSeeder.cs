using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Opco.Identity.Authorization;

/// <summary>Creates or updates the API scopes and the clients of configuration; running it twice changes nothing.</summary>
public sealed class ClientSeeder(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    IOptions<IdentityServerOptions> options,
    IConfiguration configuration) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var api in ApiScopes.All)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = api, DisplayName = $"API {api}", Resources = { api } };
            var existing = await scopes.FindByNameAsync(api, cancellationToken);
            if (existing is null) await scopes.CreateAsync(descriptor, cancellationToken);
            else await scopes.UpdateAsync(existing, descriptor, cancellationToken);
        }

        var portal = new Uri(configuration["Portal:PublicUrl"] ?? "http://localhost:8080");
        foreach (var client in options.Value.Clients)
        {
            var descriptor = Describe(client, portal);
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null) await applications.CreateAsync(descriptor, cancellationToken);
            else await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private static OpenIddictApplicationDescriptor Describe(ClientDefinition client, Uri portal)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret
                ?? throw new InvalidOperationException($"Identity:Clients: {client.ClientId} has no ClientSecret in configuration."),
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            ConsentType = ConsentTypes.Implicit,
        };
        foreach (var path in client.RedirectPaths) descriptor.RedirectUris.Add(new Uri(portal, path));
        foreach (var path in client.PostLogoutRedirectPaths) descriptor.PostLogoutRedirectUris.Add(new Uri(portal, path));

        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        foreach (var grant in client.Grants)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
            if (grant == GrantTypes.AuthorizationCode)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
                descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
                descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }
        }
        foreach (var scope in client.Scopes.Where(s => s != Scopes.OpenId))
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        return descriptor;
    }
}
