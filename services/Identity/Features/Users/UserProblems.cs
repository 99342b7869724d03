using Microsoft.AspNetCore.Http.HttpResults;

namespace Opco.Identity.Features.Users;

/// <summary>The French answers of users management, as RFC 9457 problem details.</summary>
public static class UserProblems
{
    public static ProblemHttpResult NotManager() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Vous n'avez pas l'habilitation nécessaire pour cette fonctionnalité.",
        detail: "Il faut être gestionnaire ou avoir la gestion des utilisateurs sur l'établissement concerné.");

    public static ProblemHttpResult LastManager() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Cet établissement doit garder au moins un gestionnaire.",
        detail: "Désignez d'abord un autre gestionnaire pour cet établissement.");

    public static ProblemHttpResult EmailTaken() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Un compte existe déjà avec cette adresse email.",
        detail: "Rattachez ce compte à votre établissement plutôt que d'en créer un nouveau.");
}
