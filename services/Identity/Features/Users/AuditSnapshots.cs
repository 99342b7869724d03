using System.Text.Json.Nodes;

namespace Opco.Identity.Features.Users;

/// <summary>A snapshot lists all of a user's establishments; a manager reads only those they manage.</summary>
public static class AuditSnapshots
{
    public static string? Scoped(string? snapshot, IReadOnlySet<string> managed)
    {
        if (snapshot is null || JsonNode.Parse(snapshot) is not JsonObject state
            || state[nameof(UserSnapshot.Establishments)] is not JsonObject establishments) return snapshot;
        foreach (var siret in establishments.Select(e => e.Key).Where(s => !managed.Contains(s)).ToList())
            establishments.Remove(siret);
        return state.ToJsonString();
    }
}
