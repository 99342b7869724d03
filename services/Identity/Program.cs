using Opco.Identity;
using Opco.Identity.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();

app.MapIdentityEndpoints();
app.MapDefaultEndpoints();

await app.RunOrMigrateAsync<IdentityDbContext>(args);
