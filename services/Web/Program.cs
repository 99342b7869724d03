using Opco.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebServices();

var app = builder.Build();

app.MapWebEndpoints();
app.MapDefaultEndpoints();

app.Run();
