using Opco.Finance;
using Opco.Finance.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddFinanceServices();

var app = builder.Build();

app.MapFinanceEndpoints();
app.MapDefaultEndpoints();

await app.RunOrMigrateAsync<FinanceDbContext>(args);
