using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Notification.Data;
using Opco.Notification.Email;
using Opco.Notification.Features.Alerts;
using Opco.Notification.Features.Home;
using Opco.Notification.Features.News;
using Opco.Notification.Features.Notifications;
using Opco.Notification.Features.Settings;
using Opco.Notification.Messaging;
using Opco.Notification.Data.Seed;
using Opco.Contracts.Onboarding;
using Opco.Messaging.Copies;

namespace Opco.Notification;

public static class NotificationServiceExtensions
{
    public const string ServiceName = "notification";

    public static IHostApplicationBuilder AddNotificationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>("notificationdb");
        builder.AddReliableMessaging<NotificationDbContext>(ServiceName, bus =>
        {
            bus.AddConsumer<AccountRequestSubmittedConsumer>();
            bus.AddConsumer<EmailConfirmationRequestedConsumer>();
            bus.AddConsumer<PasswordCreationRequestedConsumer>();
            bus.AddConsumer<PasswordResetRequestedConsumer>();
            bus.AddConsumer<EmailChangeRequestedConsumer>();
            bus.AddConsumer<UserAttachedToEstablishmentConsumer>();
            bus.AddConsumer<UserHabilitationsChangedConsumer>();
            bus.AddConsumer<HabilitationsChangedNotificationConsumer>();
            bus.AddConsumer<EstablishmentClosedNotificationConsumer>();
            bus.AddConsumer<DossierStatusChangedNotificationConsumer>();
            bus.AddConsumer<DossierDocumentsReminderNotificationConsumer>();
            bus.AddConsumer<ContractStatusChangedNotificationConsumer>();
            bus.AddConsumer<PaymentNotificationConsumer>();
            bus.AddConsumer<ContributionCalledNotificationConsumer>();
            // One queue for the contact copy: each event carries the whole contact and the newest wins, so order does not matter.
            const string contacts = $"{ServiceName}-user-contacts";
            bus.AddConsumer<UserCreatedContactConsumer>().Endpoint(e => e.Name = contacts);
            bus.AddConsumer<UserHabilitationsChangedContactConsumer>().Endpoint(e => e.Name = contacts);
            bus.AddConsumer<UserContactChangedConsumer>().Endpoint(e => e.Name = contacts);
            bus.AddConsumer<UserDeletedContactConsumer>().Endpoint(e => e.Name = contacts);
            bus.AddConsumer<AccountRequestRoutedConsumer>();
            bus.AddConsumer<AccountRequestToValidateNotificationConsumer>();
            bus.AddConsumer<AccountRequestReminderConsumer>();
            bus.AddConsumer<AccountRequestRefusedConsumer>();
            bus.AddConsumer<AccountRequestRefusedNotificationConsumer>();
            bus.AddConsumer<AccountRequestApprovedNotificationConsumer>();
            bus.AddConsumer<RegistrationRequestDecidedConsumer>();
            bus.AddHabilitationCopy<NotificationDbContext>(ServiceName);
            // Each company's service offer: which news targeted at an offer a user sees.
            const string offers = $"{ServiceName}-{CompanyOfferCopy.Name}";
            bus.AddConsumer<CompanyRegisteredOfferConsumer>().Endpoint(e => e.Name = offers);
            bus.AddConsumer<CompanyUpdatedOfferConsumer>().Endpoint(e => e.Name = offers);
            bus.AddConsumer<CompanySnapshotOfferConsumer>().Endpoint(e => e.Name = offers);
        });
        builder.Services.AddCopyFill<NotificationDbContext>(CompanyOfferCopy.Name, at => new CompanySnapshotRequested(ServiceName, at));
        builder.Services.AddScoped<IDataSeeder, DemoNews>();
        builder.AddPortalAuthentication(ServiceName);
        builder.AddEmail();
        builder.AddAlerts();
        builder.AddApiDocument(ServiceName);
        return builder;
    }

    public static WebApplication MapNotificationEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/notification");
        api.MapEstablishmentPermissions();
        api.MapGroup("/me")
            .MapListNotifications()
            .MapUnreadCount()
            .MapMarkRead()
            .MapMarkAllRead()
            .MapGetSettings()
            .MapUpdateSettings()
            .MapHomeSummary();
        api.MapGroup("/news").MapListNews().MapReadNews();
        api.MapGroup("/admin/news").RequireAdministrator().MapManageNews();
        app.MapApiDocument();
        return app;
    }
}
