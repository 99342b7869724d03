using Microsoft.AspNetCore.Http.HttpResults;

namespace Opco.Onboarding.Features;

/// <summary>The French answers of this service that are not plain validation errors, as RFC 9457 problem details.</summary>
public static class Problems
{
    public const string InvalidRequest = "Votre demande contient des erreurs.";

    public static ProblemHttpResult NotFound(string title) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult AlreadyDecided() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Cette demande a déjà été traitée.");

    public static ProblemHttpResult Forbidden(string title) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);
}
