namespace Opco.Web.Api;

/// <summary>An API's answer: the value, or the problem to show (title and French messages per field).</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;

    public static ApiResult<T> Ok(T? value) => new(value, null);
    public static ApiResult<T> Failed(ApiProblem problem) => new(default, problem);
}

public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static ApiProblem Unavailable() => new(0, "Le service est momentanément indisponible. Réessayez dans quelques instants.", null, NoErrors);

    public bool IsUnauthorized => Status == 401;
    public bool IsForbidden => Status == 403;
    public bool IsNotFound => Status == 404;

    /// <summary>The messages of one field, matched case-insensitively (e.g. "lastName", "establishments[0]").</summary>
    public IReadOnlyList<string> For(string field) =>
        Errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value).ToList();
}
