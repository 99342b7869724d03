using Opco.Onboarding;
using Opco.Onboarding.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddOnboardingServices();

var app = builder.Build();

app.MapOnboardingEndpoints();
app.MapDefaultEndpoints();

await app.RunOrMigrateAsync<OnboardingDbContext>(args);
