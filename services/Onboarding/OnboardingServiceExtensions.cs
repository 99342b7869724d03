using Opco.Api;
using MassTransit;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Onboarding.Data;
using Opco.Onboarding.Data.Seed;
using Opco.Onboarding.Features.AccountRequests;
using Opco.Onboarding.Features.Directory;
using Opco.Onboarding.Features.RegistrationRequests;
using Opco.Onboarding.Features.Registry;
using Opco.Onboarding.Features.Reminders;
using Opco.Onboarding.Messaging;

namespace Opco.Onboarding;

public static class OnboardingServiceExtensions
{
    public const string ServiceName = "onboarding";

    public static IHostApplicationBuilder AddOnboardingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<OnboardingDbContext>("onboardingdb");
        builder.AddReliableMessaging<OnboardingDbContext>(ServiceName, bus =>
        {
            bus.AddHabilitationCopy<OnboardingDbContext>(ServiceName);
            bus.AddConsumer<CompanySnapshotConsumer>();
            // The copy of identity's accounts: e-mail and names for routing, "Ouverture" or "Rattachement".
            bus.AddConsumer<UserCreatedAccountConsumer>().Endpoint(AccountsEndpoint);
            bus.AddConsumer<UserHabilitationsChangedAccountConsumer>().Endpoint(AccountsEndpoint);
            bus.AddConsumer<AdvisorRegisteredConsumer>().Endpoint(AccountsEndpoint);
            bus.AddConsumer<UserContactChangedConsumer>().Endpoint(AccountsEndpoint);
            bus.AddConsumer<UserDeletedAccountConsumer>().Endpoint(AccountsEndpoint);
            bus.AddConsumer<AccountRequestFulfilledConsumer>();
            bus.AddConsumer<AccountRequestFulfilmentFailedConsumer>();
        });
        builder.AddPortalAuthentication(ServiceName);
        builder.Services.AddScoped<IDataSeeder, DemoRegistry>();
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        builder.Services.AddHostedService<PendingRequestReminders>();
        builder.AddApiDocument(ServiceName);
        return builder;
    }

    public static WebApplication MapOnboardingEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/onboarding");
        api.MapSearchCompanies();
        api.MapCompanyEstablishments();
        api.MapEstablishmentOffer();
        api.MapAccountRequestFormInfo();
        api.MapSubmitAccountRequest();
        api.MapListPendingAccountRequests();
        api.MapAccountRequestDetails();
        api.MapApproveAccountRequest();
        api.MapRefuseAccountRequest();
        api.MapSubmitRegistrationRequest();
        api.MapListRegistrationRequests();
        api.MapApproveRegistrationRequest();
        api.MapRefuseRegistrationRequest();
        api.MapUpdateCompany();
        api.MapUpdateEstablishment();
        api.MapCloseEstablishment();
        api.MapEstablishmentPermissions();
        app.MapApiDocument();
        return app;
    }

    private static void AccountsEndpoint(IEndpointRegistrationConfigurator endpoint) => endpoint.Name = $"{ServiceName}-accounts";
}
