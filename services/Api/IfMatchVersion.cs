using Microsoft.AspNetCore.Http;

namespace Opco.Api;

/// <summary>
/// Optimistic concurrency on HTTP: a change sent with the row version its screen read (<c>If-Match: "42"</c>, or bare)
/// applies only to that version, so a screen read before someone else's save cannot undo it. A request without the header
/// (an API client that does not care) is not checked.
/// </summary>
public static class IfMatchVersion
{
    public static bool Allows(HttpRequest request, uint version)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        return ifMatch.Length == 0 || uint.TryParse(ifMatch.Trim().Trim('"'), out var sent) && sent == version;
    }
}
