using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Onboarding.Data;
using Opco.Onboarding.Features.AccountRequests;

namespace Opco.Onboarding;

public static class OnboardingServiceExtensions
{
    public const string ServiceName = "onboarding";

    public static IHostApplicationBuilder AddOnboardingServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<OnboardingDbContext>("onboardingdb");
        builder.AddReliableMessaging<OnboardingDbContext>(ServiceName, bus => bus.AddHabilitationCopy<OnboardingDbContext>(ServiceName));
        builder.AddPortalAuthentication(ServiceName);
        return builder;
    }

    public static WebApplication MapOnboardingEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/onboarding");
        api.MapSubmitAccountRequest();
        api.MapEstablishmentPermissions();
        return app;
    }
}
