using Opco.Onboarding.Data;
using Opco.Onboarding.Features.AccountRequests;

namespace Opco.Onboarding;

public static class OnboardingServiceExtensions
{
    public const string ServiceName = "onboarding";

    public static IHostApplicationBuilder AddOnboardingServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<OnboardingDbContext>("onboardingdb");
        builder.AddReliableMessaging<OnboardingDbContext>(ServiceName);
        return builder;
    }

    public static WebApplication MapOnboardingEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/onboarding");
        api.MapSubmitAccountRequest();
        return app;
    }
}
