using Opco.AppHost.Local;
using Opco.AppHost.Projects;
using Opco.AppHost.Supervision;

var builder = DistributedApplication.CreateBuilder(args);

// Local servers from Debian and npm packages (no containers here); fixed ports in a developer's run.
var postgres = builder.AddLocalPostgres("postgres", port: 55432);
var identityDb = postgres.AddDatabase("identitydb");
var onboardingDb = postgres.AddDatabase("onboardingdb");
var dossierDb = postgres.AddDatabase("dossierdb");
var financeDb = postgres.AddDatabase("financedb");
var notificationDb = postgres.AddDatabase("notificationdb");
var messaging = builder.AddLocalRabbitMQ("messaging", amqpPort: 55672, distributionPort: 55673, epmdPort: 55674)
    .WithManagementPlugin(port: 15672);
var mail = builder.AddMailDev("mail", httpPort: 1080, smtpPort: 1025);
var webClientSecret = builder.AddGeneratedSecret("web-client-secret");
var batchClientSecret = builder.AddGeneratedSecret("batch-client-secret");
// Kept with the developer's secrets like the others: a new key would make the stored IBANs unreadable.
var ibanEncryptionKey = builder.AddGeneratedSecret("iban-encryption-key", minLength: 48);

// Services wait for the broker: started while it boots, they would spend the CPU it needs retrying their connections.
var identity = builder.AddProject<Projects.Opco_Identity>("identity")
    .AsPortalService()
    .WithReference(identityDb)
    .WithReference(messaging)
    // By position in Identity:Clients (appsettings.json): opco-web, then opco-batch.
    .WithEnvironment("Identity__Clients__0__ClientSecret", webClientSecret)
    .WithEnvironment("Identity__Clients__1__ClientSecret", batchClientSecret)
    .WithDataDirectory("Identity__KeyDirectory")
    .WithMigrations()
    .WaitFor(messaging);

var onboarding = builder.AddProject<Projects.Opco_Onboarding>("onboarding")
    .AsPortalService()
    .WithReference(onboardingDb)
    // Access tokens are validated against identity's discovery document, read from inside the platform.
    .WithReference(identity)
    .WithReference(messaging)
    .WithMigrations()
    .WaitFor(messaging);

var dossier = builder.AddProject<Projects.Opco_Dossier>("dossier")
    .AsPortalService()
    .WithReference(dossierDb)
    .WithReference(identity)
    .WithReference(messaging)
    .WithEnvironment("Dossier__IbanEncryptionKey", ibanEncryptionKey)
    .WithMigrations()
    .WaitFor(messaging);

var finance = builder.AddProject<Projects.Opco_Finance>("finance")
    .AsPortalService()
    .WithReference(financeDb)
    .WithReference(identity)
    .WithReference(messaging)
    // The same secret, another key: finance derives its own for the mandates' and invoices' IBANs.
    .WithEnvironment("Finance__IbanEncryptionKey", ibanEncryptionKey)
    .WithMigrations()
    .WaitFor(messaging);

var notification = builder.AddProject<Projects.Opco_Notification>("notification")
    .AsPortalService()
    .WithReference(notificationDb)
    .WithReference(identity)
    .WithReference(messaging)
    .WithReference(mail)
    .WithMigrations()
    .WaitFor(messaging)
    .WaitFor(mail);

// The portal's screens. Sign-in with identity (server-to-server: discovery, keys, token); APIs through the gateway.
var web = builder.AddProject<Projects.Opco_Web>("web")
    .AsPortalService()
    .WithReference(identity)
    .WithEnvironment("Oidc__ClientSecret", webClientSecret);

var gateway = builder.AddProject<Projects.Opco_Gateway>("gateway")
    .AsPortalService(port: 8080)
    .WithReference(identity)
    .WithReference(onboarding)
    .WithReference(dossier)
    .WithReference(finance)
    .WithReference(notification)
    .WithReference(web)
    .WaitFor(identity)
    .WaitFor(onboarding)
    .WaitFor(dossier)
    .WaitFor(finance)
    .WaitFor(notification)
    .WaitFor(web);

// The web front end calls the APIs through the gateway (a cyclic reference: references do not wait).
web.WithReference(gateway);

foreach (var project in new[] { identity, onboarding, dossier, finance, notification, web, gateway })
{
    project
        // E-mail links and the token issuer are the portal's public address, wherever a service builds them.
        .WithEnvironment("Portal__PublicUrl", gateway.GetEndpoint("http"))
        // Demo accounts and registry for a developer's run; tests turn them off.
        .WithEnvironment("Seed__DemoData", "true");
}

builder.ReportReadiness(
    ("Portail", gateway.GetEndpoint("http")),
    ("E-mails (MailDev)", mail.GetEndpoint("http")),
    ("RabbitMQ management", messaging.GetEndpoint("management")));

return builder.Build().RunWhenPrerequisitesPresent();
