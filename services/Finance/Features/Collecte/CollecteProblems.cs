using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Finance.Data;
using Opco.SharedKernel;

namespace Opco.Finance.Features.Collecte;

/// <summary>How the collecte's use cases answer a refusal, and read the company an establishment belongs to.</summary>
public static class CollecteProblems
{
    /// <summary>The company (SIREN) whose money the establishment of the route handles.</summary>
    public static string SirenOf(string siret) => SiretKey.Of(siret)[..9];

    /// <summary>Field messages in French: 409 when the state refuses (a "status" message), 400 when the input is wrong.</summary>
    public static ProblemHttpResult Of(FieldErrors errors, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = errors.Has("status") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            Title = title,
        });

    public static ProblemHttpResult BadRequest(string field, string message, string title) =>
        Api.FieldProblem.Of(StatusCodes.Status400BadRequest, title, field, message);

    public static ProblemHttpResult NotFound(string title) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult ChangedMeanwhile() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Cet élément vient d'être modifié par quelqu'un d'autre : rechargez la page, puis recommencez.");

    /// <summary>The next number of a sequence: never drawn twice, even by two requests at once.</summary>
    public static async Task<long> NextAsync(FinanceDbContext db, string sequence, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"SELECT nextval({sequence}::regclass) AS \"Value\"").SingleAsync(cancellationToken);
}
