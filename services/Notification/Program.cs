using Opco.Notification;
using Opco.Notification.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNotificationServices();

var app = builder.Build();

app.MapNotificationEndpoints();
app.MapDefaultEndpoints();

await app.RunOrMigrateAsync<NotificationDbContext>(args);
