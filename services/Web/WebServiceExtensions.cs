using System.Globalization;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Http.Resilience;
using Opco.Web.Api;
using Opco.Web.Authentication;
using Opco.Web.Components;
using Opco.Web.State;

namespace Opco.Web;

public static class WebServiceExtensions
{
    public static IHostApplicationBuilder AddWebServices(this IHostApplicationBuilder builder)
    {
        // The AppHost runs the build output in every environment (Testing too): serve blazor.web.js and wwwroot from it.
        if (builder.Environment is IWebHostEnvironment web) StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.AddPortalSignIn();

        // The APIs are called through the gateway, like any client, with the signed-in user's token.
        var gateway = new Uri(builder.Configuration["services:gateway:http:0"] ?? builder.Configuration["Portal:PublicUrl"]
            ?? throw new InvalidOperationException("Neither services:gateway:http:0 nor Portal:PublicUrl is configured."));
        foreach (var api in new[] { nameof(IdentityApi), nameof(NotificationApi), nameof(OnboardingApi), nameof(DossierApi), nameof(FinanceApi), nameof(InvoiceApi) })
            builder.Services.AddHttpClient(api);
        // Creating a user or deciding a request must not happen twice because a retry followed a lost answer.
        // ServiceDefaults gives every client one standard pipeline, named "-standard" (it is set up for all clients at once).
        builder.Services.Configure<HttpStandardResilienceOptions>("-standard", resilience => resilience.Retry.DisableForUnsafeHttpMethods());
        builder.Services.AddScoped(services => new IdentityApi(Client(services, nameof(IdentityApi), gateway), services.GetRequiredService<ILogger<IdentityApi>>()));
        builder.Services.AddScoped(services => new NotificationApi(Client(services, nameof(NotificationApi), gateway), services.GetRequiredService<ILogger<NotificationApi>>()));
        builder.Services.AddScoped(services => new OnboardingApi(Client(services, nameof(OnboardingApi), gateway), services.GetRequiredService<ILogger<OnboardingApi>>()));
        builder.Services.AddScoped(services => new DossierApi(Client(services, nameof(DossierApi), gateway), services.GetRequiredService<ILogger<DossierApi>>()));
        builder.Services.AddScoped(services => new FinanceApi(Client(services, nameof(FinanceApi), gateway), services.GetRequiredService<ILogger<FinanceApi>>()));
        builder.Services.AddScoped(services => new InvoiceApi(Client(services, nameof(InvoiceApi), gateway), services.GetRequiredService<ILogger<InvoiceApi>>()));
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<Visitor>();
        return builder;
    }

    public static WebApplication MapWebEndpoints(this WebApplication app)
    {
        // A browser asking for an address that no page serves gets the portal's "Page introuvable" (status kept); any other
        // client keeps its problem details. Not a UseWhen branch: a branch has no routing to re-execute the request with.
        app.UseStatusCodePagesWithReExecute("/introuvable", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (!context.Request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
                context.Features.Get<IStatusCodePagesFeature>()!.Enabled = false;
            return next(context);
        });
        // Behind the gateway: redirects (sign-in callback included) use the public host and scheme.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        });
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("fr-FR"),
            SupportedCultures = [CultureInfo.GetCultureInfo("fr-FR")],
            SupportedUICultures = [CultureInfo.GetCultureInfo("fr-FR")],
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapPortalSignIn();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// The factory's pooled pipeline (service discovery, resilience, telemetry) behind a token handler of the page's own
    /// scope, which knows the page's user. The pooled handler is the factory's to dispose, not this client's.
    /// </summary>
    private static HttpClient Client(IServiceProvider services, string name, Uri gateway) =>
        new(new GatewayAuthorizationHandler(services.GetRequiredService<AuthenticationStateProvider>(), services.GetRequiredService<AccessTokens>(),
            services.GetRequiredService<Visitor>())
        {
            InnerHandler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name),
        })
        { BaseAddress = gateway };
}
