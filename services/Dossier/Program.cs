using Opco.Dossier;
using Opco.Dossier.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDossierServices();

var app = builder.Build();

app.MapDossierEndpoints();
app.MapDefaultEndpoints();

await app.RunOrMigrateAsync<DossierDbContext>(args);
