using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every error answer is an RFC 9457 problem in French, in every environment: bad input (malformed JSON, a wrong type,
/// a value that does not bind, an empty or oversized body, a content type we do not read) is a 4xx naming the field, and
/// nothing else ever shows a stack trace to a caller that came through the gateway.
/// </summary>
internal static class ProblemAnswers
{
    public const string InvalidRequestTitle = "Votre demande contient des erreurs.";

    /// <summary>The title every validation problem gets unless its writer chose one.</summary>
    private static readonly string ValidationTitle = new HttpValidationProblemDetails().Title!;

    /// <summary>
    /// French titles for the answers the framework writes with its English defaults (401 from authentication, 404 from
    /// routing…), keyed by status with the default they replace.
    /// </summary>
    private static readonly Dictionary<int, (string? English, string French)> Titles = new Dictionary<int, string>
    {
        [400] = InvalidRequestTitle,
        [401] = "Authentification requise.",
        [403] = "Accès refusé.",
        [404] = "Ressource introuvable.",
        [405] = "Méthode non autorisée.",
        [406] = "Format de réponse non disponible.",
        [409] = "Conflit avec l'état actuel.",
        [413] = "La requête est trop volumineuse.",
        [415] = "Type de contenu non pris en charge.",
        [422] = "La demande ne peut pas être traitée.",
        [429] = "Trop de requêtes.",
        [500] = "Une erreur inattendue est survenue.",
        [503] = "Service momentanément indisponible.",
    }.ToDictionary(title => title.Key, title => (FrameworkDefaultTitle(title.Key), title.Value));

    /// <summary>
    /// The title the framework gives a problem of this status, read from the framework rather than copied: .NET 10 titles
    /// a 413 "Content Too Large", where a copied list still said "Payload Too Large".
    /// </summary>
    private static string? FrameworkDefaultTitle(int status) => TypedResults.Problem(statusCode: status).ProblemDetails.Title;

    public static void AddProblemAnswers(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem is HttpValidationProblemDetails && problem.Title == ValidationTitle)
                problem.Title = InvalidRequestTitle;
            else if (problem.Status is { } status && Titles.TryGetValue(status, out var title) && (problem.Title is null || problem.Title == title.English))
                problem.Title = title.French;
        });
        // Bad requests throw in every environment (by default only in Development), so each carries why it failed.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Bad input is the caller's doing, not an error of ours: no error log for it.
        services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or InvalidDataException);
        services.AddSingleton<IDeveloperPageExceptionFilter, DeveloperPageProblemFilter>();
        services.AddTransient<IStartupFilter, ProblemAnswersStartupFilter>();
    }

    /// <summary>
    /// The one reading of a bad request: its status and, when the body or a value is the cause, the field and why. A form
    /// the framework cannot read (a NUL or invalid escape in a value, too many fields) throws
    /// <see cref="InvalidDataException"/> from whoever reads it first, OpenIddict included: bad input too.
    /// </summary>
    public static async Task<bool> TryWriteBadRequestAsync(HttpContext context, Exception exception)
    {
        if (context.Response.HasStarted)
            return false;
        var (status, problem) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, new ProblemDetails { Detail = "Le corps de la requête dépasse la taille autorisée." }),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                (StatusCodes.Status415UnsupportedMediaType, new ProblemDetails { Detail = "Envoyez le corps de la requête en JSON (Content-Type: application/json)." }),
            BadHttpRequestException badRequest => (badRequest.StatusCode, new HttpValidationProblemDetails(FieldErrors(badRequest))),
            InvalidDataException => (StatusCodes.Status400BadRequest,
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = ["Le formulaire envoyé n'a pas pu être lu : une valeur contient des caractères interdits."] })),
            _ => (0, (ProblemDetails?)null),
        };
        if (problem is null)
            return false;

        problem.Status = status;
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static Dictionary<string, string[]> FieldErrors(BadHttpRequestException badRequest) => badRequest.InnerException switch
    {
        JsonException { Path: { Length: > 1 } path } when !path.EndsWith(']') || path.Contains('.') =>
            new() { [FieldName(path)] = ["Cette valeur n'a pas le type attendu."] },
        JsonException => new() { ["body"] = ["Le corps de la requête n'est pas un JSON valide ou n'a pas la forme attendue."] },
        _ when badRequest.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            || badRequest.Message.StartsWith("Required parameter", StringComparison.Ordinal) && badRequest.Message.Contains("from the request body", StringComparison.Ordinal)
            => new() { ["body"] = ["Le corps de la requête est vide."] },
        _ when ParameterName(badRequest.Message) is { } parameter => new() { [parameter] = ["Cette valeur n'est pas valide."] },
        _ => new() { ["request"] = ["La requête n'a pas pu être lue."] },
    };

    /// <summary>"$.lastName" is the field "lastName"; "$.establishments[0].siret" is "establishments[0].siret".</summary>
    private static string FieldName(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    /// <summary>The parameter named by the framework's message (e.g. <c>Failed to bind parameter "int page" from "x".</c>).</summary>
    private static string? ParameterName(string message)
    {
        var start = message.IndexOf('"');
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        return end > start ? message[(start + 1)..end].Split(' ')[^1] : null;
    }

    private sealed class BadRequestExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
            await TryWriteBadRequestAsync(httpContext, exception);
    }

    /// <summary>
    /// In Development the developer exception page sits before our middleware. Bad input still gets its 4xx problem, and a
    /// request that came through the gateway (it always adds X-Forwarded-For) gets a 500 problem, never the page.
    /// </summary>
    private sealed class DeveloperPageProblemFilter : IDeveloperPageExceptionFilter
    {
        public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
        {
            var context = errorContext.HttpContext;
            if (await TryWriteBadRequestAsync(context, errorContext.Exception))
                return;
            if (!context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Response.HasStarted)
            {
                await next(errorContext);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status500InternalServerError },
            });
        }
    }

    /// <summary>First in the pipeline, so authentication's 401 and 403, and any exception after it, become problems too.</summary>
    private sealed class ProblemAnswersStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            next(app);
        };
    }
}
