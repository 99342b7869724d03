using Opco.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.MapGateway();
app.MapDefaultEndpoints();

app.Run();
