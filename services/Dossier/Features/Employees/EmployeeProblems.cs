using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Api;

namespace Opco.Dossier.Features.Employees;

/// <summary>The French answers about employees that are not plain validation errors.</summary>
public static class EmployeeProblems
{
    public const string InvalidEmployee = "Les informations du salarié contiennent des erreurs.";

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Salarié introuvable.");

    public static ProblemHttpResult MatriculeTaken() => FieldProblem.Of(StatusCodes.Status409Conflict, InvalidEmployee, "matricule",
        "Ce matricule est déjà attribué à un autre salarié de l'établissement.");

    public static ProblemHttpResult ChangedMeanwhile() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Ce salarié vient d'être modifié par quelqu'un d'autre : rechargez la fiche, puis refaites votre modification.");
}
