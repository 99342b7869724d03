using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Opco.Api;

/// <summary>
/// Each service's OpenAPI document at <c>/openapi/v1.json</c> (the gateway serves it as <c>/api/&lt;service&gt;/openapi/v1.json</c>),
/// with Scalar at <c>/scalar</c> in Development. Every operation declares the problem answers our building blocks give
/// for it: 400 for bad input, 401 without a valid token, 403 without the right.
/// </summary>
public static class ApiDocumentExtensions
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IHostApplicationBuilder AddApiDocument(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = $"Mon compte OPCO : {serviceName}";
                // Paths already carry the service's prefix: they are the gateway's, whatever address served the document.
                document.Servers = [new OpenApiServer { Url = "/" }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                DeclareProblem(operation, StatusCodes.Status400BadRequest, "The request is malformed or a field is invalid (French message per field).");
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    DeclareProblem(operation, StatusCodes.Status401Unauthorized, "No valid access token.");
                    DeclareProblem(operation, StatusCodes.Status403Forbidden, "The caller's rights do not allow it.");
                }
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference().AllowAnonymous();
        return app;
    }

    private static void DeclareProblem(OpenApiOperation operation, int status, string description)
    {
        operation.Responses ??= [];
        var key = status.ToString();
        if (operation.Responses.ContainsKey(key))
            return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
        };
    }
}
