using Microsoft.AspNetCore.Http;

namespace Opco.Api;

public static class RequestBodies
{
    /// <summary>The request body, or null as soon as it goes over <paramref name="maxBytes"/> (what was read is dropped).</summary>
    public static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
