using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Opco.Api;

public static class FieldProblem
{
    /// <summary>A well-formed request that the data's state refuses (409, 422…): still a French message on the field concerned.</summary>
    public static ProblemHttpResult Of(int status, string title, string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = title,
        });
}
