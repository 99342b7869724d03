using System.Globalization;
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
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.AddPortalSignIn();

        // The APIs are called through the gateway, like any client, with the signed-in user's token.
        var gateway = new Uri(builder.Configuration["services:gateway:http:0"] ?? builder.Configuration["Portal:PublicUrl"]
            ?? throw new InvalidOperationException("Neither services:gateway:http:0 nor Portal:PublicUrl is configured."));
        foreach (var api in new[] { typeof(IdentityApi), typeof(NotificationApi), typeof(OnboardingApi) })
            builder.Services.AddHttpClient(api.Name, client => client.BaseAddress = gateway)
                .AddHttpMessageHandler<GatewayAuthorizationHandler>();
        // Creating a user or deciding a request must not happen twice because a retry followed a lost answer.
        // ServiceDefaults gives every client one standard pipeline, named "-standard" (it is set up for all clients at once).
        builder.Services.Configure<HttpStandardResilienceOptions>("-standard", resilience => resilience.Retry.DisableForUnsafeHttpMethods());
        builder.Services.AddTransient(services => new IdentityApi(Client(services, nameof(IdentityApi)), services.GetRequiredService<ILogger<IdentityApi>>()));
        builder.Services.AddTransient(services => new NotificationApi(Client(services, nameof(NotificationApi)), services.GetRequiredService<ILogger<NotificationApi>>()));
        builder.Services.AddTransient(services => new OnboardingApi(Client(services, nameof(OnboardingApi)), services.GetRequiredService<ILogger<OnboardingApi>>()));
        builder.Services.AddScoped<CurrentUser>();
        return builder;
    }

    public static WebApplication MapWebEndpoints(this WebApplication app)
    {
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

    private static HttpClient Client(IServiceProvider services, string name) => services.GetRequiredService<IHttpClientFactory>().CreateClient(name);
}
