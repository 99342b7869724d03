using Opco.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var identityDb = postgres.AddDatabase("identitydb");
var onboardingDb = postgres.AddDatabase("onboardingdb");
var dossierDb = postgres.AddDatabase("dossierdb");
var financeDb = postgres.AddDatabase("financedb");
var notificationDb = postgres.AddDatabase("notificationdb");
var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();
var mail = builder.AddMailDev("mail");
var webClientSecret = builder.AddParameter("web-client-secret");
var batchClientSecret = builder.AddParameter("batch-client-secret");

var identity = builder.AddProject("identity", "services/Identity/Opco.Identity.csproj")
    .WithReference(identityDb)
    .WithReference(messaging)
    // By position in Identity:Clients (appsettings.json): opco-web, then opco-batch.
    .WithEnvironment("Identity__Clients__0__ClientSecret", webClientSecret)
    .WithEnvironment("Identity__Clients__1__ClientSecret", batchClientSecret)
    .WithDataDirectory("Identity__KeyDirectory")
    .WithMigrations()
    .WaitFor(messaging);

var onboarding = builder.AddProject("onboarding", "services/Onboarding/Opco.Onboarding.csproj")
    .WithReference(onboardingDb)
    // Access tokens are validated against identity's discovery document, read from inside the platform.
    .WithReference(identity)
    .WithReference(messaging)
    .WithMigrations()
    .WaitFor(messaging);

var dossier = builder.AddProject("dossier", "services/Dossier/Opco.Dossier.csproj")
    .WithReference(dossierDb)
    .WithReference(identity)
    .WithReference(messaging)
    .WithMigrations()
    .WaitFor(messaging);

var finance = builder.AddProject("finance", "services/Finance/Opco.Finance.csproj")
    .WithReference(financeDb)
    .WithReference(identity)
    .WithReference(messaging)
    .WithMigrations()
    .WaitFor(messaging);

var notification = builder.AddProject("notification", "services/Notification/Opco.Notification.csproj")
    .WithReference(notificationDb)
    .WithReference(identity)
    .WithReference(messaging)
    .WithReference(mail)
    .WithMigrations()
    .WaitFor(messaging)
    .WaitFor(mail);

// The portal's screens. Sign-in with identity (server-to-server: discovery, keys, token); APIs through the gateway.
var web = builder.AddProject("web", "services/Web/Opco.Web.csproj")
    .WithReference(identity)
    .WithEnvironment("Oidc__ClientSecret", webClientSecret)
    .WaitFor(identity);

var gateway = builder.AddProject("gateway", "gateway/Opco.Gateway.csproj")
    .WithReference(identity)
    .WithReference(onboarding)
    .WithReference(dossier)
    .WithReference(finance)
    .WithReference(notification)
    .WithReference(web)
    .WithHttpEndpoint(port: 8080)
    .WaitFor(identity)
    .WaitFor(onboarding)
    .WaitFor(dossier)
    .WaitFor(finance)
    .WaitFor(notification)
    .WaitFor(web);

// The web front end calls the APIs through the gateway (a cyclic reference: references do not wait).
web.WithReference(gateway);

// E-mail links point at the portal, wherever a service builds them.
foreach (var project in new[] { identity, onboarding, dossier, finance, notification, web, gateway })
    project.WithEnvironment("Portal__PublicUrl", gateway.PublicEndpoint);

// The test suite signs in and submits requests hundreds of times from one address; the limit itself is tested
// on a gateway of its own.
// The alert job runs every second so tests see its e-mails without waiting a minute.
if (builder.Mode == AppHostMode.Test)
{
    gateway.WithEnvironment("Gateway__PublicRateLimit__PermitLimit", "100000");
    notification.WithEnvironment("Notification__Alerts__Interval", "00:00:01");
}

builder.Build().Run();
